using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// Every passkey profile that applies to the user rejects every authenticator there is: no types, synced-only with
    /// attestation required (synced passkeys are never attested), an empty allow list, or an allow list of models the
    /// profile rejects for other reasons. Whatever the user tries fails; the profile itself must change.
    /// </summary>
    public sealed class NoAcceptableAuthenticatorRule : ILayerRule
    {
        public const string Code = "NoAcceptableAuthenticator";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (applied == null
                || applied.Profiles.Count == 0
                || applied.MissingProfileIds.Count > 0
                || applied.Profiles.Any(p => ProfileSummary.CanAcceptAnything(p, input.Authenticators)))
            {
                return null;
            }

            var settings = string.Join("; ", applied.Profiles.Select(p => $"{p.Describe()}: {ProfileSummary.Settings(p)}"));
            return RuleOutcome.Fail(
                Code,
                $"No authenticator can register a passkey for {input.User.Name}: nothing meets every requirement of {(applied.Profiles.Count == 1 ? "the passkey profile that applies" : "any passkey profile that applies")} ({settings}).",
                applied.IsLegacy
                    ? "Relax the tenant-wide Passkey (FIDO2) settings (key restrictions, attestation) so at least one authenticator the users have qualifies, or opt into passkey profiles."
                    : "Change the profile so at least one authenticator the users have qualifies: admit device-bound passkeys, turn attestation off for synced passkeys, or allow-list the AAGUIDs of every model in use.",
                Facts.Of(("passkeyProfiles", applied.Names), ("profileSettings", settings), ("profileSources", string.Join("; ", applied.Sources))));
        }
    }
}
