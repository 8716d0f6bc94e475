using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>Certificates from PEM text or DER bytes (netstandard2.0 has no PEM reader of its own).</summary>
    internal static class Pem
    {
        private const string Begin = "-----BEGIN CERTIFICATE-----";
        private const string End = "-----END CERTIFICATE-----";

        public static IReadOnlyList<X509Certificate2> Certificates(byte[] content)
        {
            var text = Encoding.ASCII.GetString(content);
            if (text.IndexOf(Begin, StringComparison.Ordinal) < 0)
            {
                return new[] { new X509Certificate2(content) };
            }

            var certificates = new List<X509Certificate2>();
            var start = text.IndexOf(Begin, StringComparison.Ordinal);
            while (start >= 0)
            {
                var end = text.IndexOf(End, start, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("A PEM certificate has no END line.");
                }

                var body = text.Substring(start + Begin.Length, end - start - Begin.Length);
                certificates.Add(new X509Certificate2(Convert.FromBase64String(body.Replace("\r", string.Empty).Replace("\n", string.Empty).Trim())));
                start = text.IndexOf(Begin, end, StringComparison.Ordinal);
            }

            return certificates;
        }
    }
}
