using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using Profile = EntraPasskey.Engine.Evidence.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// Whether a passkey the user has already registered can still sign in under their passkey profiles. Key
    /// restrictions apply at sign-in as well as registration, so taking an AAGUID off an allow list (or putting it on
    /// a block list) stops existing passkeys of that model from signing in; turning synced passkeys off in a profile
    /// does the same to registered synced passkeys (ED how-to-authentication-passkey-profiles, "Key restrictions set
    /// the usability of specific models or providers for both registration and authentication";
    /// how-to-authentication-synced-passkeys). A profile that admits synced passkeys only is read the same way for
    /// device-bound ones, since sign-in is allowed "if the passkey fully satisfies the requirements of at least one of
    /// the scoped passkey profiles". Attestation is enforced only at registration ("Users who register a passkey
    /// without attestation aren't blocked from sign-in if Enforce attestation is set to Yes later"), and the Windows
    /// Hello allow-list requirement gates registration, so neither is held against a registered passkey. One answer
    /// for layer 3's MFA count (<see cref="MfaBootstrap.MfaCapability"/>) and for Test-EntraPasskeySignIn.
    /// </summary>
    public static class PasskeySignIn
    {
        /// <summary>How the user's profiles take the registered passkey at sign-in.</summary>
        public static PasskeySignInAssessment Assess(RegisteredMethod passkey, DiagnosisInput input)
        {
            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (passkey.Kind != MethodKind.Fido2 || applied == null)
            {
                return PasskeySignInAssessment.NotGoverned;
            }

            var entry = passkey.Aaguid.HasValue ? input.Authenticators.Find(passkey.Aaguid.Value) : null;
            var model = passkey.Aaguid.HasValue ? $"{entry?.Name ?? passkey.Model ?? "its model"} ({passkey.Aaguid.Value})" : "its model";
            var type = TypeOf(passkey, entry);
            var rejections = new List<ProfileIssue>();
            var undecided = new List<string>();
            foreach (var profile in applied.Profiles)
            {
                var (rejects, unknown) = Check(profile, passkey.Aaguid, type, model);
                if (rejects.Count == 0 && unknown.Count == 0)
                {
                    return PasskeySignInAssessment.Admits(applied);
                }

                rejections.AddRange(rejects);
                undecided.AddRange(rejects.Count == 0 ? unknown : Array.Empty<string>());
            }

            if (applied.MissingProfileIds.Count > 0)
            {
                undecided.Add($"a target names passkey profile(s) {string.Join(", ", applied.MissingProfileIds)}, which the policy does not define");
            }

            if (applied.Profiles.Count == 0 && applied.MissingProfileIds.Count == 0)
            {
                undecided.Add("no passkey profile governs the user's targets");
            }

            return undecided.Count > 0
                ? PasskeySignInAssessment.Undetermined(applied, rejections, undecided)
                : PasskeySignInAssessment.Rejects(applied, rejections);
        }

        /// <summary>Why every profile of the user rejects the passkey at sign-in; null when one admits it or it cannot be decided.</summary>
        public static string? Rejection(RegisteredMethod passkey, DiagnosisInput input) =>
            Assess(passkey, input) is { Verdict: ProfileVerdict.Rejects } assessment ? assessment.Reasons : null;

        /// <summary>What the profile holds against the passkey (decisive), and what it cannot decide for lack of facts.</summary>
        private static (List<ProfileIssue> Rejects, List<string> Unknown) Check(Profile profile, Guid? aaguid, PasskeyTypes? type, string model)
        {
            var rejects = new List<ProfileIssue>();
            var unknown = new List<string>();
            var where = profile.Describe();
            var restrictions = profile.KeyRestrictions;
            if (restrictions.IsEnforced)
            {
                if (restrictions.Mode == KeyRestrictionMode.Unrecognised)
                {
                    unknown.Add($"{where} enforces key restrictions of a kind this version cannot read");
                }
                else if (!aaguid.HasValue)
                {
                    unknown.Add($"{where} enforces an AAGUID {(restrictions.Mode == KeyRestrictionMode.Allow ? "allow" : "block")} list, and Graph gives no AAGUID for this passkey");
                }
                else if (restrictions.Mode == KeyRestrictionMode.Allow && !restrictions.Lists(aaguid.Value))
                {
                    rejects.Add(ProfileIssue.Violation(ProfileIssueKind.AaguidNotAllowed, $"{model} is not on the allow list of {where}"));
                }
                else if (restrictions.Mode == KeyRestrictionMode.Block && restrictions.Lists(aaguid.Value))
                {
                    rejects.Add(ProfileIssue.Violation(ProfileIssueKind.AaguidBlocked, $"{model} is on the block list of {where}"));
                }
            }

            var admitted = profile.PasskeyTypes & (PasskeyTypes.DeviceBound | PasskeyTypes.Synced);
            var unrecognised = (profile.PasskeyTypes & PasskeyTypes.Unrecognised) != 0;
            if (admitted != (PasskeyTypes.DeviceBound | PasskeyTypes.Synced))
            {
                if (!type.HasValue)
                {
                    unknown.Add($"{where} admits {ProfileCheck.Describe(profile.PasskeyTypes)} only, and whether this passkey is synced is unknown");
                }
                else if ((admitted & type.Value) == 0 && unrecognised)
                {
                    unknown.Add($"{where} admits passkey types this version cannot read");
                }
                else if ((admitted & type.Value) == 0)
                {
                    var kind = type.Value == PasskeyTypes.Synced ? "synced" : "device-bound";
                    rejects.Add(ProfileIssue.Violation(ProfileIssueKind.PasskeyTypeNotAllowed, admitted == PasskeyTypes.None
                        ? $"{where} admits no passkey type"
                        : $"{where} admits {ProfileCheck.Describe(profile.PasskeyTypes)} only, and this passkey is {kind}"));
                }
            }

            return (rejects, unknown);
        }

        /// <summary>What Graph says the registered passkey is; the catalog's model when Graph does not say.</summary>
        private static PasskeyTypes? TypeOf(RegisteredMethod passkey, PasskeyAuthenticator? entry)
        {
            if (string.Equals(passkey.PasskeyType, "deviceBound", StringComparison.OrdinalIgnoreCase))
            {
                return PasskeyTypes.DeviceBound;
            }

            if (string.Equals(passkey.PasskeyType, "synced", StringComparison.OrdinalIgnoreCase))
            {
                return PasskeyTypes.Synced;
            }

            if (entry == null)
            {
                return null;
            }

            return entry.PasskeyType == PasskeyType.Synced ? PasskeyTypes.Synced : PasskeyTypes.DeviceBound;
        }
    }

    /// <summary>
    /// How a user's passkey profiles take one registered passkey at sign-in: admitted by at least one, rejected by
    /// every one (with each profile's reasons), or undecided (some requirement depends on a fact we lack).
    /// </summary>
    public sealed class PasskeySignInAssessment
    {
        /// <summary>The issue kinds a rejection can rest on, most decisive first: an explicit block beats an allow list, which beats a type.</summary>
        private static readonly ProfileIssueKind[] Decisiveness = { ProfileIssueKind.AaguidBlocked, ProfileIssueKind.AaguidNotAllowed, ProfileIssueKind.PasskeyTypeNotAllowed };

        private PasskeySignInAssessment(ProfileVerdict? verdict, AppliedProfiles? applied, IReadOnlyList<ProfileIssue> rejections, IReadOnlyList<string> undecided)
        {
            Verdict = verdict;
            Applied = applied;
            Rejections = rejections;
            Undecided = undecided;
        }

        /// <summary>Passkey (FIDO2) does not apply to the user (disabled, not targeted, excluded), or the method is no passkey.</summary>
        public static PasskeySignInAssessment NotGoverned { get; } =
            new PasskeySignInAssessment(null, null, Array.Empty<ProfileIssue>(), Array.Empty<string>());

        /// <summary>Null when no profile governs the passkey (<see cref="NotGoverned"/>).</summary>
        public ProfileVerdict? Verdict { get; }

        public AppliedProfiles? Applied { get; }

        /// <summary>Every reason a profile rejects the passkey for, across the user's profiles.</summary>
        public IReadOnlyList<ProfileIssue> Rejections { get; }

        /// <summary>Why it cannot be decided (empty unless <see cref="Verdict"/> is Undetermined).</summary>
        public IReadOnlyList<string> Undecided { get; }

        /// <summary>The reason a rejection is reported under: the most decisive kind any profile gives.</summary>
        public ProfileIssueKind? DecisiveKind =>
            Verdict == ProfileVerdict.Rejects ? Decisiveness.First(kind => Rejections.Any(r => r.Kind == kind)) : (ProfileIssueKind?)null;

        /// <summary>"X is not on the allow list of passkey profile 'P'; ..." for messages.</summary>
        public string Reasons => string.Join("; ", Rejections.Select(r => r.Detail));

        internal static PasskeySignInAssessment Admits(AppliedProfiles applied) =>
            new PasskeySignInAssessment(ProfileVerdict.Accepts, applied, Array.Empty<ProfileIssue>(), Array.Empty<string>());

        internal static PasskeySignInAssessment Rejects(AppliedProfiles applied, IReadOnlyList<ProfileIssue> rejections) =>
            new PasskeySignInAssessment(ProfileVerdict.Rejects, applied, rejections, Array.Empty<string>());

        internal static PasskeySignInAssessment Undetermined(AppliedProfiles applied, IReadOnlyList<ProfileIssue> rejections, IReadOnlyList<string> undecided) =>
            new PasskeySignInAssessment(ProfileVerdict.Undetermined, applied, rejections, undecided);
    }
}
