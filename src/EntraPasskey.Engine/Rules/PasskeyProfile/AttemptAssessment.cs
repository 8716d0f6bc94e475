using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The authenticator named by -Aaguid against the union of the user's passkey profiles, and which layer owns a
    /// rejection. Layers 2, 6 and 7 read the same assessment, so exactly one of them fails for one cause:
    /// <list type="bullet">
    /// <item>Layer 7 (passkey provider, Endpoint) when the attempt used a synced passkey provider the profiles reject
    /// while they accept Microsoft Authenticator: the platform offered the wrong provider; choosing Authenticator fixes
    /// it without any policy change.</item>
    /// <item>Layer 6 (hardware, Endpoint) when some profile rejects the attempt only because the security-key model
    /// cannot be attested: the policy admits this kind of key, this model cannot meet it.</item>
    /// <item>Layer 2 (passkey profile, IdentityTeam) for every other rejection: the profiles reject the authenticator
    /// as policy (lists, types, attestation of never-attested kinds, Windows Hello).</item>
    /// </list>
    /// </summary>
    public sealed class AttemptAssessment
    {
        private AttemptAssessment(AppliedProfiles applied, Guid aaguid, PasskeyAuthenticator? entry, IReadOnlyList<ProfileCheck> checks, PasskeyAuthenticator? authenticatorAlternative, AuthenticatorCatalog catalog)
        {
            Catalog = catalog;
            Applied = applied;
            Aaguid = aaguid;
            Entry = entry;
            Checks = checks;
            AuthenticatorAlternative = authenticatorAlternative;
            Verdict = checks.Any(c => c.Verdict == ProfileVerdict.Accepts) ? ProfileVerdict.Accepts
                : applied.MissingProfileIds.Count > 0 || checks.Any(c => c.Verdict == ProfileVerdict.Undetermined) ? ProfileVerdict.Undetermined
                : ProfileVerdict.Rejects;
            Owner = OwnerOf();
        }

        public AppliedProfiles Applied { get; }

        /// <summary>The catalog the assessment used, for naming what the profiles accept instead.</summary>
        public AuthenticatorCatalog Catalog { get; }

        public Guid Aaguid { get; }

        /// <summary>The catalog's model for the AAGUID; null when the catalog does not know it.</summary>
        public PasskeyAuthenticator? Entry { get; }

        public IReadOnlyList<ProfileCheck> Checks { get; }

        /// <summary>The union: accepted if any profile accepts; undetermined if none accepts but one (or a missing profile) might.</summary>
        public ProfileVerdict Verdict { get; }

        /// <summary>The layer that owns a rejection or an undetermined outcome; null when the union accepts.</summary>
        public PasskeyLayer? Owner { get; }

        /// <summary>Microsoft Authenticator, when the profiles accept it and the attempt used a synced provider instead.</summary>
        public PasskeyAuthenticator? AuthenticatorAlternative { get; }

        public string AuthenticatorName => Entry?.Name ?? $"AAGUID {Aaguid} (not in the authenticator catalog)";

        /// <summary>How to register a passkey Entra can attest instead of this never-attested attempt.</summary>
        public string AttestedAlternative() =>
            Entry?.Attestation == AttestationSupport.SameDeviceOnly
                ? $"Add the passkey directly in the {Entry.Name} app on the phone (Security info on the phone, or Add account in the app), not by scanning a QR code from a computer: only in-app passkeys are attested."
                : $"Register an authenticator Entra can attest: a FIDO2-certified security key, or Microsoft Authenticator added directly in the app ({ProfileSummary.AcceptedNames(Checks[0].Profile, Catalog)}).";

        /// <summary>Null without an -Aaguid hint, or when no profile applies to the user (layer 1 fails).</summary>
        public static AttemptAssessment? Of(DiagnosisInput input)
        {
            if (!input.Hints.Aaguid.HasValue)
            {
                return null;
            }

            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (applied == null)
            {
                return null;
            }

            var aaguid = input.Hints.Aaguid.Value;
            var entry = input.Authenticators.Find(aaguid);
            var checks = applied.Profiles.Select(p => ProfileCheck.Evaluate(p, aaguid, entry, input.Hints.Platform)).ToList();
            var rejected = !checks.Any(c => c.Verdict != ProfileVerdict.Rejects) && applied.MissingProfileIds.Count == 0;
            var alternative = rejected && entry?.PasskeyType == PasskeyType.Synced
                ? AcceptedAuthenticator(applied, input)
                : null;
            return new AttemptAssessment(applied, aaguid, entry, checks, alternative, input.Authenticators);
        }

        /// <summary>The profiles' one-line reasons, profile by profile, for messages and evidence.</summary>
        public string Rejections => string.Join("; ", Checks.SelectMany(c => c.Decisive).Select(i => i.Detail));

        public IDictionary<string, string> Evidence() => Facts.Of(
            ("aaguid", Aaguid.ToString()),
            ("authenticator", Entry?.Name ?? "not in the catalog"),
            ("passkeyProfiles", Applied.Names),
            ("profileSources", string.Join("; ", Applied.Sources)),
            ("missingProfiles", Applied.MissingProfileIds.Count == 0 ? null : string.Join(", ", Applied.MissingProfileIds)),
            ("rejections", Rejections.Length == 0 ? null : Rejections));

        private PasskeyLayer? OwnerOf()
        {
            switch (Verdict)
            {
                case ProfileVerdict.Accepts:
                    return null;
                case ProfileVerdict.Undetermined:
                    var settingsUnreadable = Applied.MissingProfileIds.Count > 0
                        || Checks.Any(c => c.Issues.Any(i => i.Kind == ProfileIssueKind.SettingUnrecognised));
                    return settingsUnreadable ? PasskeyLayer.PasskeyProfile : PasskeyLayer.Hardware;
            }

            if (AuthenticatorAlternative != null)
            {
                return PasskeyLayer.PasskeyProvider;
            }

            return Checks.Any(c => c.Decisive.All(i => i.Kind == ProfileIssueKind.ModelNotAttestable))
                ? PasskeyLayer.Hardware
                : PasskeyLayer.PasskeyProfile;
        }

        /// <summary>
        /// Microsoft Authenticator for the attempt's phone platform (either when unknown), evaluated as created in the
        /// app itself: that is the path the user can always take instead of the synced provider.
        /// </summary>
        private static PasskeyAuthenticator? AcceptedAuthenticator(AppliedProfiles applied, DiagnosisInput input)
        {
            var platform = input.Hints.Platform;
            var candidates = string.Equals(platform, "iOS", StringComparison.OrdinalIgnoreCase) ? new[] { WellKnownAaguids.AuthenticatorIos }
                : string.Equals(platform, "Android", StringComparison.OrdinalIgnoreCase) ? new[] { WellKnownAaguids.AuthenticatorAndroid }
                : new[] { WellKnownAaguids.AuthenticatorIos, WellKnownAaguids.AuthenticatorAndroid };
            return candidates
                .Select(input.Authenticators.Find)
                .Where(e => e != null)
                .FirstOrDefault(e => applied.Profiles.Any(p => ProfileCheck.Evaluate(p, e!.Aaguid, e, null).Verdict == ProfileVerdict.Accepts));
        }
    }
}
