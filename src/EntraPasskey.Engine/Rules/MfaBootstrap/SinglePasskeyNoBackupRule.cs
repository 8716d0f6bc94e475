using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Advisory: the user's one registered passkey is also their only MFA-capable method. Nothing stops registration
    /// today, but losing that device leaves no way into Security info without help desk (a Temporary Access Pass).
    /// </summary>
    public sealed class SinglePasskeyNoBackupRule : ILayerRule
    {
        public const string Code = "SinglePasskeyNoBackup";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public int Order => 170;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var counted = MfaCapability.Counted(input.Tenant, input.User);
            var passkeys = input.User.Methods.Count(m => m.Kind == MethodKind.Fido2);
            if (passkeys != 1 || counted.Count != 1 || counted[0].Kind != MethodKind.Fido2)
            {
                return null;
            }

            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var backups = MfaAlternatives.Describe(new[] { "a second passkey" }.Concat(MfaAlternatives.For(input.Tenant, input.User)).ToList());
            return RuleOutcome.Warn(
                Code,
                $"{input.User.Name}'s only MFA method is one passkey ({counted[0].Describe()}); if that device is lost or reset, they cannot get into Security info to add another.",
                $"Have the user add {backups} now (Security info > Add sign-in method). " + IfLost(tapObstacle),
                Facts.Of(
                    ("passkey", counted[0].Describe()),
                    ("aaguid", counted[0].Aaguid?.ToString()),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why))));
        }

        private static string IfLost(TapObstacle? tapObstacle)
        {
            if (tapObstacle == null)
            {
                return "If the passkey is already lost, issue a Temporary Access Pass with New-PasskeyBootstrapTap.";
            }

            return tapObstacle.Fix == null
                ? $"A Temporary Access Pass could not replace it if lost: {tapObstacle.Why}."
                : $"A Temporary Access Pass could not replace it if lost: {tapObstacle.Why}. So that one would, {tapObstacle.Fix}.";
        }
    }
}
