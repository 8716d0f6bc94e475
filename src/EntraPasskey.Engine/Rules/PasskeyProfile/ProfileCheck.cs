using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;
using Profile = EntraPasskey.Engine.Evidence.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// One profile against one authenticator: every requirement it fails (decisive), every requirement whose
    /// outcome depends on facts we lack (undetermined), and what that makes of the profile.
    /// </summary>
    public sealed class ProfileCheck
    {
        private static readonly HashSet<string> Desktops = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Windows", "macOS", "Linux", "ChromeOS" };

        private ProfileCheck(Profile profile, IReadOnlyList<ProfileIssue> issues)
        {
            Profile = profile;
            Issues = issues;
            Verdict = issues.Any(i => i.Decisive) ? ProfileVerdict.Rejects
                : issues.Count > 0 ? ProfileVerdict.Undetermined
                : ProfileVerdict.Accepts;
        }

        public Profile Profile { get; }

        public IReadOnlyList<ProfileIssue> Issues { get; }

        public ProfileVerdict Verdict { get; }

        public IEnumerable<ProfileIssue> Decisive => Issues.Where(i => i.Decisive);

        /// <summary>
        /// Evaluates the profile for a registration of <paramref name="aaguid"/>. <paramref name="entry"/> is the
        /// catalog's model (null when unknown); <paramref name="platform"/> is where the registration happens (null:
        /// on the authenticator's own device).
        /// </summary>
        public static ProfileCheck Evaluate(Profile profile, Guid aaguid, PasskeyAuthenticator? entry, string? platform)
        {
            var issues = new List<ProfileIssue>();
            var name = entry?.Name ?? "this authenticator";
            var where = profile.Describe();
            var restrictions = profile.KeyRestrictions;

            if (restrictions.IsEnforced)
            {
                switch (restrictions.Mode)
                {
                    case KeyRestrictionMode.Allow when !restrictions.Lists(aaguid):
                        issues.Add(ProfileIssue.Violation(ProfileIssueKind.AaguidNotAllowed, $"{name} ({aaguid}) is not on the allow list of {where}"));
                        break;
                    case KeyRestrictionMode.Block when restrictions.Lists(aaguid):
                        issues.Add(ProfileIssue.Violation(ProfileIssueKind.AaguidBlocked, $"{name} ({aaguid}) is on the block list of {where}"));
                        break;
                    case KeyRestrictionMode.Unrecognised:
                        issues.Add(ProfileIssue.Unresolved(ProfileIssueKind.SettingUnrecognised, $"{where} enforces key restrictions of a kind this version cannot read"));
                        break;
                }
            }

            // Entra passkeys on Windows are generally available since April-June 2026 (MC1282568): the Windows Hello
            // AAGUIDs no longer need an explicit allow-list entry, so they meet a profile like any device-bound passkey
            // (its lists, its passkey types, and attestation, which Windows Hello cannot give). Microsoft's user article
            // "Register a Microsoft Entra passkey on Windows" (ms.date 07/05/2026) asks only for a profile that allows
            // them and does not enforce attestation.
            CheckPasskeyType(profile, entry, name, where, issues);
            CheckAttestation(profile, entry, name, where, platform, issues);
            return new ProfileCheck(profile, issues);
        }

        private static void CheckPasskeyType(Profile profile, PasskeyAuthenticator? entry, string name, string where, List<ProfileIssue> issues)
        {
            var types = profile.PasskeyTypes;
            var both = PasskeyTypes.DeviceBound | PasskeyTypes.Synced;
            if ((types & both) == both)
            {
                return;
            }

            if (entry == null)
            {
                issues.Add(ProfileIssue.Unresolved(ProfileIssueKind.ModelUnknown, $"{where} admits {Describe(types)} only, and whether this authenticator's passkeys are synced is unknown"));
                return;
            }

            var needed = entry.PasskeyType == PasskeyType.Synced ? PasskeyTypes.Synced : PasskeyTypes.DeviceBound;
            if ((types & needed) != 0)
            {
                return;
            }

            issues.Add((types & PasskeyTypes.Unrecognised) != 0
                ? ProfileIssue.Unresolved(ProfileIssueKind.SettingUnrecognised, $"{where} admits passkey types this version cannot read")
                : ProfileIssue.Violation(ProfileIssueKind.PasskeyTypeNotAllowed, $"{where} admits {Describe(types)} only; {name} makes {(entry.PasskeyType == PasskeyType.Synced ? "synced" : "device-bound")} passkeys"));
        }

        private static void CheckAttestation(Profile profile, PasskeyAuthenticator? entry, string name, string where, string? platform, List<ProfileIssue> issues)
        {
            switch (profile.AttestationEnforcement)
            {
                case AttestationEnforcement.Disabled:
                    return;
                case AttestationEnforcement.Unrecognised:
                    issues.Add(ProfileIssue.Unresolved(ProfileIssueKind.SettingUnrecognised, $"{where} has an attestation setting this version cannot read"));
                    return;
            }

            if (entry == null)
            {
                issues.Add(ProfileIssue.Unresolved(ProfileIssueKind.ModelUnknown, $"{where} requires attestation, and whether this authenticator can be attested is unknown"));
                return;
            }

            switch (entry.Attestation)
            {
                case AttestationSupport.Accepted:
                    return;
                case AttestationSupport.SameDeviceOnly:
                    if (platform != null && Desktops.Contains(platform))
                    {
                        issues.Add(ProfileIssue.Violation(ProfileIssueKind.AttestationNotPossible,
                            $"{where} requires attestation, and a {name} passkey created cross-device (QR code from {platform}) is never attested"));
                    }

                    return;
            }

            // A security key that cannot be attested is a property of the model (layer 6); synced, Windows Hello and
            // other platform passkeys are never attested by design (layer 2: the policy excludes them).
            issues.Add(entry.ProviderKind == ProviderKind.HardwareKey
                ? ProfileIssue.Violation(ProfileIssueKind.ModelNotAttestable, $"{where} requires attestation, and {name} is not a model Entra accepts an attestation from (not on its list of FIDO2-certified keys)")
                : ProfileIssue.Violation(ProfileIssueKind.AttestationNotPossible, $"{where} requires attestation, and {name} {WhyNeverAttested(entry)}"));
        }

        private static string WhyNeverAttested(PasskeyAuthenticator entry)
        {
            if (entry.PasskeyType == PasskeyType.Synced)
            {
                return "makes synced passkeys, which are never attested";
            }

            return WellKnownAaguids.IsWindowsHello(entry.Aaguid)
                ? "(Windows Hello) does not support attestation"
                : "does not return an attestation Entra accepts";
        }

        public static string Describe(PasskeyTypes types)
        {
            var known = types & (PasskeyTypes.DeviceBound | PasskeyTypes.Synced);
            switch (known)
            {
                case PasskeyTypes.DeviceBound: return "device-bound passkeys";
                case PasskeyTypes.Synced: return "synced passkeys";
                case PasskeyTypes.None: return (types & PasskeyTypes.Unrecognised) != 0 ? "passkey types this version cannot read" : "no passkey type";
                default: return "device-bound and synced passkeys";
            }
        }
    }

    public enum ProfileVerdict
    {
        Accepts,
        Rejects,
        /// <summary>No requirement fails, but one depends on facts we lack.</summary>
        Undetermined,
    }

    public enum ProfileIssueKind
    {
        AaguidNotAllowed,
        AaguidBlocked,
        PasskeyTypeNotAllowed,
        /// <summary>Attestation required, and this kind of authenticator is never attested (synced, Windows Hello, cross-device).</summary>
        AttestationNotPossible,
        /// <summary>Attestation required, and this hardware model cannot give one Entra accepts.</summary>
        ModelNotAttestable,
        /// <summary>The profile holds a value this version cannot read.</summary>
        SettingUnrecognised,
        /// <summary>The outcome depends on a model the catalog does not know.</summary>
        ModelUnknown,
    }

    public sealed class ProfileIssue
    {
        private ProfileIssue(ProfileIssueKind kind, bool decisive, string detail)
        {
            Kind = kind;
            Decisive = decisive;
            Detail = detail;
        }

        public ProfileIssueKind Kind { get; }

        /// <summary>True when the requirement certainly fails; false when its outcome is unknown.</summary>
        public bool Decisive { get; }

        public string Detail { get; }

        public static ProfileIssue Violation(ProfileIssueKind kind, string detail) => new ProfileIssue(kind, true, detail);

        public static ProfileIssue Unresolved(ProfileIssueKind kind, string detail) => new ProfileIssue(kind, false, detail);
    }
}
