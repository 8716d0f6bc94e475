using System.Collections.Generic;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.Hardware
{
    /// <summary>
    /// What layer 6 says when it does not fail: the model's facts from the catalog. Without an -Aaguid hint nothing
    /// about the hardware can be evaluated, and the layer says so instead of passing.
    /// </summary>
    public sealed class AuthenticatorModelRule : ILayerRule
    {
        public PasskeyLayer Layer => PasskeyLayer.Hardware;

        public IReadOnlyList<string> ReasonCodes { get; } = new string[0];

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (!input.Hints.Aaguid.HasValue)
            {
                return RuleOutcome.NotChecked("Not checked: pass -Aaguid to check the authenticator model against the policy.");
            }

            var aaguid = input.Hints.Aaguid.Value;
            var entry = input.Authenticators.Find(aaguid);
            if (entry == null)
            {
                var assessment = AttemptAssessment.Of(input);
                var why = assessment?.Owner == PasskeyLayer.PasskeyProfile || assessment?.Owner == PasskeyLayer.PasskeyProvider
                    ? "the profiles' own lists decide this attempt"
                    : "nothing the user's passkey profiles require depends on the model";
                return RuleOutcome.Pass(
                    Facts.Of(("aaguid", aaguid.ToString()), ("authenticator", "not in the catalog")),
                    $"AAGUID {aaguid} is not in the authenticator catalog; {why}.");
            }

            var facts = new List<string>
            {
                Kind(entry.ProviderKind),
                entry.PasskeyType == PasskeyType.Synced ? "synced" : "device-bound",
                Attestation(entry.Attestation),
            };
            if (entry.Certification != null)
            {
                facts.Add(entry.Certification);
            }

            return RuleOutcome.Pass(
                Facts.Of(
                    ("aaguid", aaguid.ToString()),
                    ("authenticator", entry.Name),
                    ("vendor", entry.Vendor),
                    ("passkeyType", entry.PasskeyType.ToString()),
                    ("providerKind", entry.ProviderKind.ToString()),
                    ("attestation", entry.Attestation.ToString()),
                    ("certification", entry.Certification),
                    ("transports", entry.Transports.Length == 0 ? null : string.Join(", ", entry.Transports)),
                    ("minimumPlatform", entry.MinimumPlatform)),
                $"{entry.Name}{(entry.Vendor == null ? string.Empty : $" ({entry.Vendor})")}: {string.Join(", ", facts)}.");
        }

        private static string Kind(ProviderKind kind)
        {
            switch (kind)
            {
                case ProviderKind.HardwareKey: return "security key";
                case ProviderKind.AuthenticatorApp: return "authenticator app";
                case ProviderKind.PasswordManager: return "password manager";
                default: return "platform authenticator";
            }
        }

        private static string Attestation(AttestationSupport attestation)
        {
            switch (attestation)
            {
                case AttestationSupport.Accepted: return "attestation Entra accepts";
                case AttestationSupport.SameDeviceOnly: return "attested only when created in the app itself";
                default: return "never attested";
            }
        }
    }
}
