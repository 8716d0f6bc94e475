using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>
    /// Security defaults are on and the user has no method they accept. A Warn, not a Fail: security defaults do not
    /// switch off the Passkey (FIDO2) method or self-service set-up (passkeys work in every edition, graph-facts §9.1),
    /// so they do not stop registration. What they do (Entra docs, "Security defaults"): every user must register
    /// Microsoft Authenticator (notifications) or an OATH app, and a user without one is sent into that registration
    /// at sign-in, an interrupt in which a passkey cannot be added; MFA is required "when necessary" as Microsoft
    /// decides; and Conditional Access cannot be used alongside them. A user who already has Authenticator, an OATH
    /// token, a passkey or Windows Hello for Business is unaffected, so nothing is said about them.
    /// </summary>
    public sealed class SecurityDefaultsRule : ILayerRule
    {
        public const string Code = "SecurityDefaultsEnabled";

        private static readonly MethodKind[] Accepted =
        {
            MethodKind.MicrosoftAuthenticator, MethodKind.SoftwareOath, MethodKind.HardwareOath, MethodKind.Fido2, MethodKind.WindowsHelloForBusiness,
        };

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var defaults = input.Tenant.SecurityDefaults;
            if (defaults.Enabled == null)
            {
                return RuleOutcome.Pass(Facts.Of(("securityDefaults", "unknown: " + defaults.Gap!.Why)));
            }

            if (defaults.Enabled == false)
            {
                return RuleOutcome.Pass(Facts.Of(("securityDefaults", "off")));
            }

            var accepted = input.User.Methods.Where(m => Accepted.Contains(m.Kind)).Select(m => m.Describe()).ToList();
            if (accepted.Count > 0)
            {
                return RuleOutcome.Pass(Facts.Of(("securityDefaults", "on"), ("securityDefaultsSatisfiedBy", string.Join(", ", accepted))));
            }

            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            return RuleOutcome.Warn(
                Code,
                $"Security defaults are on and {input.User.Name} has neither Microsoft Authenticator nor an OATH app: at the next sign-in they must register Microsoft Authenticator first, in a prompt that cannot add a passkey. After that, Security info can add the passkey.",
                "Tell the user to complete the Microsoft Authenticator set-up when prompted, then add the passkey in Security info"
                    + (tapObstacle == null ? "; or issue a Temporary Access Pass with New-PasskeyBootstrapTap." : $" (a Temporary Access Pass would not work: {tapObstacle.Why}).")
                    + " To shape registration with Conditional Access instead, turn security defaults off (needs Entra ID P1).",
                Facts.Of(
                    ("securityDefaults", "on"),
                    ("registered", input.User.Methods.Count == 0 ? "none" : string.Join(", ", input.User.Methods.Select(m => m.Describe()))),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why))));
        }
    }
}
