using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>
    /// The FIDO2 entries of a verified MDS3 payload as authenticators. Entra accepts an attestation from a model that
    /// is FIDO certified (any level), is FIDO2, attests with a full or AttCA certificate, supports resident keys and
    /// user verification, and has no compromise reported (concept-fido2-hardware-vendor); MDS lists attested models,
    /// so every entry is device-bound.
    /// </summary>
    internal static class MdsEntries
    {
        /// <summary>User verification methods that verify nobody (MDS3 userVerificationDetails).</summary>
        private static readonly string[] NoUserVerification = { "presence_internal", "none" };

        /// <summary>The payload's nextUpdate: the date by which FIDO publishes the next BLOB.</summary>
        public static DateTimeOffset? NextUpdate(JsonElement payload) =>
            payload.TryGetProperty("nextUpdate", out var next) && next.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(next.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                ? when
                : (DateTimeOffset?)null;

        /// <summary><paramref name="verifiedAt"/> is the time its certificate chain was checked at.</summary>
        public static MetadataBlob Read(JsonElement payload, string source, DateTimeOffset verifiedAt)
        {
            if (!payload.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw MetadataErrors.MalformedBlob(source, "its payload has no entries array");
            }

            var authenticators = new Dictionary<Guid, PasskeyAuthenticator>();
            var skipped = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var authenticator = entry.ValueKind == JsonValueKind.Object ? Authenticator(entry) : null;
                if (authenticator == null)
                {
                    skipped++;
                    continue;
                }

                authenticators[authenticator.Aaguid] = authenticator;
            }

            return new MetadataBlob(
                authenticators.Values.ToList(),
                payload.TryGetProperty("no", out var number) && number.ValueKind == JsonValueKind.Number ? number.GetInt32() : (int?)null,
                NextUpdate(payload),
                skipped,
                verifiedAt);
        }

        private static PasskeyAuthenticator? Authenticator(JsonElement entry)
        {
            if (!entry.TryGetProperty("aaguid", out var aaguidText) || !Guid.TryParse(aaguidText.GetString(), out var aaguid)
                || !entry.TryGetProperty("metadataStatement", out var statement) || statement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var statuses = StatusesInOrder(entry);
            var latest = statuses.LastOrDefault();
            var compromised = latest != null && Certifications.Compromised.Contains(latest);
            var certification = compromised ? latest : statuses.Where(Certifications.IsCertified).OrderBy(s => Array.IndexOf(Certifications.Ranked, s)).LastOrDefault();
            var attachment = Strings(statement, "attachmentHint");
            statement.TryGetProperty("authenticatorGetInfo", out var info);
            var options = info.ValueKind == JsonValueKind.Object && info.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
            var residentKey = options.ValueKind == JsonValueKind.Object ? options.TryGetProperty("rk", out var rk) && rk.ValueKind == JsonValueKind.True : (bool?)null;
            var userVerification = UserVerification(statement, options);
            var attestationTypes = Strings(statement, "attestationTypes");
            var attested = !compromised
                && certification != null
                && string.Equals(String(statement, "protocolFamily"), "fido2", StringComparison.OrdinalIgnoreCase)
                && attestationTypes.Any(t => t == "basic_full" || t == "attca")
                && residentKey == true
                && userVerification == true;

            return new PasskeyAuthenticator(
                aaguid,
                String(statement, "description") ?? aaguid.ToString(),
                null,
                PasskeyType.DeviceBound,
                attachment.Contains("internal") ? ProviderKind.Platform : ProviderKind.HardwareKey,
                attested ? AttestationSupport.Accepted : AttestationSupport.NotAccepted,
                certification,
                residentKey,
                userVerification,
                Transports(info, attachment),
                null,
                AuthenticatorSource.MDS3);
        }

        /// <summary>
        /// Whether the model can verify its user: a built-in verification method or client PIN in its CTAP getInfo (an
        /// option's presence means support; its value, whether it is set up), or else a method in the statement's
        /// userVerificationDetails that is more than user presence. Null when the statement says neither.
        /// </summary>
        private static bool? UserVerification(JsonElement statement, JsonElement options)
        {
            if (options.ValueKind == JsonValueKind.Object && (options.TryGetProperty("uv", out _) || options.TryGetProperty("clientPin", out _)))
            {
                return true;
            }

            if (statement.TryGetProperty("userVerificationDetails", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                return details.EnumerateArray()
                    .Where(d => d.ValueKind == JsonValueKind.Array)
                    .SelectMany(d => d.EnumerateArray())
                    .Select(m => m.ValueKind == JsonValueKind.Object ? String(m, "userVerificationMethod") : null)
                    .Any(m => m != null && !NoUserVerification.Contains(m));
            }

            return options.ValueKind == JsonValueKind.Object ? false : (bool?)null;
        }

        /// <summary>Status reports oldest first, by effective date where given.</summary>
        private static IReadOnlyList<string> StatusesInOrder(JsonElement entry)
        {
            if (!entry.TryGetProperty("statusReports", out var reports) || reports.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<string>();
            }

            return reports.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object)
                .Select((r, index) => (Status: String(r, "status"), Date: String(r, "effectiveDate") ?? string.Empty, Index: index))
                .Where(r => r.Status != null)
                .OrderBy(r => r.Date, StringComparer.Ordinal)
                .ThenBy(r => r.Index)
                .Select(r => r.Status!)
                .ToList();
        }

        private static IEnumerable<string> Transports(JsonElement info, IReadOnlyList<string> attachment)
        {
            var declared = info.ValueKind == JsonValueKind.Object ? Strings(info, "transports") : Array.Empty<string>();
            if (declared.Count > 0)
            {
                return declared;
            }

            var transports = new List<string>();
            if (attachment.Contains("wired"))
            {
                transports.Add("usb");
            }

            if (attachment.Contains("nfc"))
            {
                transports.Add("nfc");
            }

            if (attachment.Contains("bluetooth"))
            {
                transports.Add("ble");
            }

            if (attachment.Contains("internal"))
            {
                transports.Add("internal");
            }

            return transports;
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();
    }
}
