using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Advisory: one passkey is the user's only MFA-capable method (other passkeys their profiles reject at sign-in do
    /// not count). Nothing stops registration today, but losing that device leaves no way into Security info without
    /// help desk (a Temporary Access Pass, when one would be usable).
    /// </summary>
    public sealed class SinglePasskeyNoBackupRule : ILayerRule
    {
        public const string Code = "SinglePasskeyNoBackup";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            // Counted, not registered: a second passkey the profiles reject at sign-in is no backup.
            var counted = MfaCapability.Counted(input);
            if (counted.Count != 1 || counted[0].Kind != MethodKind.Fido2)
            {
                return null;
            }

            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var backups = MfaAlternatives.Describe(new[] { "a second passkey" }.Concat(MfaAlternatives.For(input.Tenant, input.User)).ToList());
            return RuleOutcome.Warn(
                Code,
                $"{input.User.Name}'s only MFA method is one passkey{(counted[0].DisplayName == null ? string.Empty : $", '{counted[0].DisplayName}'")}; if that device is lost or reset, they cannot get into Security info to add another.",
                $"Have the user add {backups} now (Security info > Add sign-in method). " + IfLost(tapObstacle),
                Facts.Of(
                    ("passkey", counted[0].Describe()),
                    ("aaguid", counted[0].Aaguid?.ToString()),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input)),
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
