using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The authenticationMethodModes (graph-facts §8.2) a user can present, from their registered methods, and
    /// whether an authentication strength accepts them.
    /// </summary>
    public static class AuthenticationModes
    {
        public const string Password = "password";
        public const string Sms = "sms";
        public const string Voice = "voice";
        public const string MicrosoftAuthenticatorPush = "microsoftAuthenticatorPush";
        public const string SoftwareOath = "softwareOath";
        public const string HardwareOath = "hardwareOath";
        public const string Fido2 = "fido2";
        public const string WindowsHelloForBusiness = "windowsHelloForBusiness";
        public const string TemporaryAccessPassOneTime = "temporaryAccessPassOneTime";
        public const string TemporaryAccessPassMultiUse = "temporaryAccessPassMultiUse";
        public const string QrCodePin = "qrCodePin";

        /// <summary>
        /// The password (if registered) plus the modes of every method that counts for MFA, so a method the policy
        /// disallows, an unusable TAP or a passkey the user's profiles reject at sign-in adds nothing.
        /// </summary>
        public static PresentedModes Of(DiagnosisInput input)
        {
            var modes = new PresentedModes();
            if (input.User.Methods.Any(m => m.Kind == MethodKind.Password))
            {
                modes.Add(Password);
            }

            foreach (var method in MfaCapability.Counted(input))
            {
                modes.UnionWith(Of(method));
                if (method.Kind == MethodKind.Fido2)
                {
                    modes.PasskeyAaguids.Add(method.Aaguid);
                }
            }

            return modes;
        }

        /// <summary>
        /// The first allowed combination the modes fully cover, or null when the strength is not met. Where the strength's
        /// fido2 combination configuration allows only some AAGUIDs, fido2 counts only for a passkey of those models.
        /// </summary>
        public static IReadOnlyCollection<string>? FirstMet(AuthenticationStrength strength, PresentedModes modes) =>
            strength.AllowedCombinations.FirstOrDefault(combination => combination.Count > 0
                && combination.All(mode => modes.Contains(mode)
                    && (!string.Equals(mode, Fido2, StringComparison.OrdinalIgnoreCase) || modes.PasskeyAaguids.Any(strength.AllowsPasskey))));

        /// <summary>"password,sms | fido2 | temporaryAccessPassOneTime" for messages.</summary>
        public static string Describe(AuthenticationStrength strength) =>
            string.Join(" | ", strength.AllowedCombinations.Select(c => string.Join(",", c)));

        private static IEnumerable<string> Of(RegisteredMethod method)
        {
            switch (method.Kind)
            {
                case MethodKind.Phone:
                    return string.Equals(method.PhoneType, "mobile", StringComparison.OrdinalIgnoreCase) ? new[] { Sms, Voice } : new[] { Voice };
                case MethodKind.MicrosoftAuthenticator: return new[] { MicrosoftAuthenticatorPush };
                case MethodKind.SoftwareOath: return new[] { SoftwareOath };
                case MethodKind.HardwareOath: return new[] { HardwareOath };
                case MethodKind.Fido2: return new[] { Fido2 };
                case MethodKind.WindowsHelloForBusiness: return new[] { WindowsHelloForBusiness };
                case MethodKind.TemporaryAccessPass: return new[] { method.TapIsUsableOnce == false ? TemporaryAccessPassMultiUse : TemporaryAccessPassOneTime };
                case MethodKind.QrCodePin: return new[] { QrCodePin };
                default: return Array.Empty<string>();
            }
        }
    }
}
