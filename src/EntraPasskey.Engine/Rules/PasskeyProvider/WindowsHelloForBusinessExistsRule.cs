using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.PasskeyProvider
{
    /// <summary>
    /// An Entra passkey on Windows (a Windows Hello AAGUID) for a user who has a Windows Hello for Business
    /// credential: on the PC that holds it, registration fails as "already registered" (graph-facts §9.5). Graph does
    /// not say which PC holds the credential, so this is a warning, not a failure.
    /// </summary>
    public sealed class WindowsHelloForBusinessExistsRule : ILayerRule
    {
        public const string Code = "WindowsHelloForBusinessExists";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProvider;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var aaguid = input.Hints.Aaguid;
            if (!aaguid.HasValue || !WellKnownAaguids.IsWindowsHello(aaguid.Value))
            {
                return null;
            }

            var credentials = input.User.Methods.Where(m => m.Kind == MethodKind.WindowsHelloForBusiness).ToList();
            if (credentials.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", credentials.Select(m => m.DisplayName ?? m.Id));
            return RuleOutcome.Warn(
                Code,
                $"{input.User.Name} has a Windows Hello for Business credential ({names}); on the PC that holds it, Windows refuses an Entra passkey for the same account as 'already registered'.",
                "Register the Windows passkey on a PC without the user's Windows Hello for Business credential, or add a passkey in Microsoft Authenticator or on a security key instead; Windows Hello for Business already signs the user in on that PC.",
                Facts.Of(("aaguid", aaguid.Value.ToString()), ("windowsHelloForBusiness", names)));
        }
    }
}
