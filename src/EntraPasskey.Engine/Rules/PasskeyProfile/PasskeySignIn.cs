using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using Profile = EntraPasskey.Engine.Evidence.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// Whether a passkey the user has already registered can still sign in under their passkey profiles. Key
    /// restrictions apply at sign-in as well as registration, so taking an AAGUID off an allow list (or putting it on
    /// a block list) stops existing passkeys of that model from signing in; turning synced passkeys off in a profile
    /// does the same to registered synced passkeys (graph-facts §1.4-1.5). The docs state the synced case; a profile
    /// that admits synced passkeys only is read the same way for device-bound ones, since a user "can register/sign in
    /// if the passkey satisfies at least one profile" (§1.5). Attestation is enforced only at registration, and the
    /// Windows Hello allow-list requirement gates registration, so neither is held against a registered passkey.
    /// </summary>
    public static class PasskeySignIn
    {
        /// <summary>
        /// Why every profile of the user rejects the passkey at sign-in; null when one admits it, when Passkey (FIDO2)
        /// does not apply to the user (layer 1 owns that), or when it cannot be decided (a profile a target names but
        /// the policy lacks, a setting this version cannot read, a passkey type neither Graph nor the catalog gives).
        /// A rejection is claimed only when it is certain.
        /// </summary>
        public static string? Rejection(RegisteredMethod passkey, DiagnosisInput input)
        {
            if (passkey.Kind != MethodKind.Fido2)
            {
                return null;
            }

            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (applied == null || applied.Profiles.Count == 0 || applied.MissingProfileIds.Count > 0)
            {
                return null;
            }

            var entry = passkey.Aaguid.HasValue ? input.Authenticators.Find(passkey.Aaguid.Value) : null;
            var model = passkey.Aaguid.HasValue ? $"{entry?.Name ?? "its model"} ({passkey.Aaguid.Value})" : "its model";
            var type = TypeOf(passkey, entry);
            var reasons = new List<string>();
            foreach (var profile in applied.Profiles)
            {
                var reason = Rejects(profile, passkey.Aaguid, type, model);
                if (reason == null)
                {
                    return null;
                }

                reasons.Add(reason);
            }

            return string.Join("; ", reasons);
        }

        /// <summary>Null when the profile admits the passkey at sign-in, or might; otherwise why not.</summary>
        private static string? Rejects(Profile profile, Guid? aaguid, PasskeyTypes? type, string model)
        {
            var reasons = new List<string>();
            var where = profile.Describe();
            var restrictions = profile.KeyRestrictions;
            if (restrictions.IsEnforced && aaguid.HasValue)
            {
                if (restrictions.Mode == KeyRestrictionMode.Allow && !restrictions.Lists(aaguid.Value))
                {
                    reasons.Add($"{model} is not on the allow list of {where}");
                }
                else if (restrictions.Mode == KeyRestrictionMode.Block && restrictions.Lists(aaguid.Value))
                {
                    reasons.Add($"{model} is on the block list of {where}");
                }
            }

            var admitted = profile.PasskeyTypes & (PasskeyTypes.DeviceBound | PasskeyTypes.Synced);
            if (type.HasValue && (admitted & type.Value) == 0 && (profile.PasskeyTypes & PasskeyTypes.Unrecognised) == 0)
            {
                var kind = type.Value == PasskeyTypes.Synced ? "synced" : "device-bound";
                reasons.Add(admitted == PasskeyTypes.None
                    ? $"{where} admits no passkey type"
                    : $"{where} admits {ProfileCheck.Describe(profile.PasskeyTypes)} only, and this passkey is {kind}");
            }

            return reasons.Count == 0 ? null : string.Join(", and ", reasons);
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
}
