using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GraphSimulator.Hosting;

/// <summary>
/// The TLS certificate of the token endpoint: self-signed, made fresh at every start. Its key is made once per
/// process, because generating an RSA key is what made starting a simulator slow, and tests start hundreds.
/// </summary>
internal static class SelfSignedCertificate
{
    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));
    private static readonly object Signing = new();

    public static X509Certificate2 Create()
    {
        var key = Key.Value;
        var request = new CertificateRequest("CN=GraphSimulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var now = DateTimeOffset.UtcNow;
        byte[] pkcs12;
        lock (Signing)
        {
            // One key object, simulators starting on several threads: sign one certificate at a time.
            using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
            pkcs12 = ephemeral.Export(X509ContentType.Pkcs12);
        }

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pkcs12, password: null);
    }

    /// <summary>Writes the certificate (public part only) as PEM into a fresh temporary folder.</summary>
    public static string WritePem(X509Certificate2 certificate)
    {
        var folder = Path.Combine(Path.GetTempPath(), "graphsim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sim.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}
