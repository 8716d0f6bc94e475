using System;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>Maps Graph's polymorphic authentication methods onto <see cref="RegisteredMethod"/>.</summary>
    internal static class MethodMapper
    {
        public static RegisteredMethod Map(AuthenticationMethod method) =>
            MapKind(method) with { CreatedAt = method.CreatedDateTime };

        private static RegisteredMethod MapKind(AuthenticationMethod method)
        {
            var id = method.Id ?? string.Empty;
            switch (method)
            {
                case PasswordAuthenticationMethod _:
                    return new RegisteredMethod(MethodKind.Password, id);
                case EmailAuthenticationMethod _:
                    return new RegisteredMethod(MethodKind.Email, id);
                case PhoneAuthenticationMethod phone:
                    return new RegisteredMethod(MethodKind.Phone, id) { PhoneType = Wire(phone.PhoneType) };
                case MicrosoftAuthenticatorAuthenticationMethod authenticator:
                    return new RegisteredMethod(MethodKind.MicrosoftAuthenticator, id) { DisplayName = authenticator.DisplayName, AppVersion = authenticator.PhoneAppVersion };
                case Fido2AuthenticationMethod fido2:
                    return new RegisteredMethod(MethodKind.Fido2, id)
                    {
                        DisplayName = fido2.DisplayName ?? fido2.Model,
                        Aaguid = Guid.TryParse(fido2.AaGuid, out var aaguid) ? aaguid : (Guid?)null,
                        Model = fido2.Model,
                        PasskeyType = Wire(fido2.PasskeyType),
                        AttestationLevel = Wire(fido2.AttestationLevel),
                    };
                case SoftwareOathAuthenticationMethod _:
                    return new RegisteredMethod(MethodKind.SoftwareOath, id);
                case TemporaryAccessPassAuthenticationMethod tap:
                    return new RegisteredMethod(MethodKind.TemporaryAccessPass, id)
                    {
                        TapIsUsable = tap.IsUsable,
                        TapUsabilityReason = tap.MethodUsabilityReason,
                        TapStart = tap.StartDateTime,
                        TapLifetimeMinutes = tap.LifetimeInMinutes,
                        TapIsUsableOnce = tap.IsUsableOnce,
                    };
                case WindowsHelloForBusinessAuthenticationMethod hello:
                    return new RegisteredMethod(MethodKind.WindowsHelloForBusiness, id) { DisplayName = hello.DisplayName };
                case PlatformCredentialAuthenticationMethod platform:
                    return new RegisteredMethod(MethodKind.PlatformCredential, id) { DisplayName = platform.DisplayName };
                case QrCodePinAuthenticationMethod _:
                    return new RegisteredMethod(MethodKind.QrCodePin, id);
                case ExternalAuthenticationMethod external:
                    return new RegisteredMethod(MethodKind.External, id) { DisplayName = external.DisplayName, ConfigurationId = external.ConfigurationId };
                default:
                    // The v1.0 SDK has no type for hardware OATH tokens; it keeps the base type with the @odata.type.
                    return string.Equals(method.OdataType, "#microsoft.graph.hardwareOathAuthenticationMethod", StringComparison.OrdinalIgnoreCase)
                        ? new RegisteredMethod(MethodKind.HardwareOath, id)
                        : new RegisteredMethod(MethodKind.Other, id) { DisplayName = method.OdataType };
            }
        }

        /// <summary>An SDK enum value as Graph spells it on the wire (camelCase).</summary>
        private static string? Wire<T>(T? value)
            where T : struct, Enum
        {
            if (!value.HasValue)
            {
                return null;
            }

            var name = value.Value.ToString();
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }
}
