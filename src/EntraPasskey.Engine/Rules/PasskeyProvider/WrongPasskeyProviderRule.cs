using System.Collections.Generic;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProvider
{
    /// <summary>
    /// The boundary with layer 2: the attempt used a synced passkey provider (iCloud Keychain, Google Password
    /// Manager, 1Password, ...), the union of the user's profiles rejects it, and the same profiles accept Microsoft
    /// Authenticator. The policy is doing what it was set up to do; the platform offered the wrong provider and the
    /// user fixes it by choosing Authenticator (Endpoint). When the profiles accept no Authenticator either, choosing
    /// another provider on the phone cannot help, and layer 2 owns the rejection (IdentityTeam).
    /// </summary>
    public sealed class WrongPasskeyProviderRule : ILayerRule
    {
        public const string Code = "WrongPasskeyProvider";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProvider;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessment = AttemptAssessment.Of(input);
            if (assessment?.Verdict != ProfileVerdict.Rejects || assessment.Owner != PasskeyLayer.PasskeyProvider)
            {
                return null;
            }

            var provider = assessment.Entry!.Name;
            var alternative = assessment.AuthenticatorAlternative!;
            var evidence = assessment.Evidence();
            evidence["acceptedInstead"] = alternative.Name;
            return RuleOutcome.Fail(
                Code,
                $"The platform offered {provider} instead of Microsoft Authenticator: choose Authenticator as the passkey provider. {input.User.Name}'s passkey profiles ({assessment.Applied.Names}) reject {provider} and accept {alternative.Name}.",
                $"In the passkey dialog choose Microsoft Authenticator (or 'another device'), not {provider}; on the phone make Authenticator a passkey provider (iOS: Settings > General > AutoFill & Passwords; Android: Settings > Passwords, passkeys & accounts) or add the passkey from the Authenticator app itself.",
                evidence);
        }
    }
}
