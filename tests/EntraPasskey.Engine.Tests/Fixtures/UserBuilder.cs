using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Builds users for rule tests: by default an enabled member of Passkey Users with password + Authenticator.</summary>
    internal sealed class UserBuilder
    {
        public const string PasswordId = "28c10230-6103-485e-b985-444c60001490";

        private string _id = "aaaaaaaa-0000-0000-0000-000000000001";
        private string _upn = "adele.vance@contoso.com";
        private bool? _enabled = true;
        private string? _userType = "Member";
        private string? _creationType;
        private string? _externalState;
        private List<string> _groups = new List<string> { TenantBuilder.PasskeyUsers };
        private List<RegisteredMethod> _methods = new List<RegisteredMethod>
        {
            new RegisteredMethod(MethodKind.Password, PasswordId),
            new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1") { DisplayName = "Adele's iPhone" },
        };

        /// <summary>By default the user completed MFA two minutes before <see cref="Diagnose.Now"/>, on Windows in Edge.</summary>
        private SignInHistory _signIns = SignInHistory.Read(new[] { MfaSignIn(Diagnose.Now.AddMinutes(-2)) }, Diagnose.Now.AddDays(-30));

        public static RegisteredMethod Password => new RegisteredMethod(MethodKind.Password, PasswordId);

        /// <summary>A user whose only methods are a password and <paramref name="methods"/>.</summary>
        public static UserBuilder PasswordAnd(params RegisteredMethod[] methods) =>
            new UserBuilder().WithMethods(new[] { Password }.Concat(methods).ToArray());

        public static RegisteredMethod Email => new RegisteredMethod(MethodKind.Email, "email-1");

        public static RegisteredMethod MobilePhone => new RegisteredMethod(MethodKind.Phone, "phone-1") { PhoneType = "mobile" };

        public static RegisteredMethod SoftwareOath => new RegisteredMethod(MethodKind.SoftwareOath, "oath-1");

        public static RegisteredMethod Authenticator(string version, string name = "Phone") =>
            new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-" + version) { DisplayName = name, AppVersion = version };

        public static RegisteredMethod WindowsHelloForBusiness => new RegisteredMethod(MethodKind.WindowsHelloForBusiness, "whfb-1") { DisplayName = "ADELE-LAPTOP" };

        public static RegisteredMethod Tap(bool usable, string reason) =>
            new RegisteredMethod(MethodKind.TemporaryAccessPass, "tap-1") { TapIsUsable = usable, TapUsabilityReason = reason, TapLifetimeMinutes = 60, TapIsUsableOnce = true };

        public UserBuilder Id(string id)
        {
            _id = id;
            return this;
        }

        public UserBuilder Disabled()
        {
            _enabled = false;
            return this;
        }

        /// <summary>accountEnabled absent from what Graph returned.</summary>
        public UserBuilder AccountEnabledUnknown()
        {
            _enabled = null;
            return this;
        }

        public UserBuilder Guest(string? userType, string? externalUserState, string? creationType = "Invitation")
        {
            _userType = userType;
            _externalState = externalUserState;
            _creationType = creationType;
            _upn = "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com";
            return this;
        }

        public UserBuilder InGroups(params string[] groupIds)
        {
            _groups = groupIds.ToList();
            return this;
        }

        public UserBuilder WithMethods(params RegisteredMethod[] methods)
        {
            _methods = methods.ToList();
            return this;
        }

        public static RegisteredMethod Passkey(string id = "passkey-1") =>
            new RegisteredMethod(MethodKind.Fido2, id) { DisplayName = "YubiKey 5", Aaguid = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8"), PasskeyType = "deviceBound" };

        public static RegisteredMethod MultiUseTap => Tap(true, "EnabledByPolicy") with { TapIsUsableOnce = false };

        /// <summary>A successful interactive sign-in in which the user completed MFA (password, then Authenticator) at <paramref name="at"/>.</summary>
        public static SignInRecord MfaSignIn(DateTimeOffset at, string? operatingSystem = "Windows10", string? browser = "Edge 131.0.0", string id = "signin-mfa") =>
            new SignInRecord(id, at, true, true, "multiFactorAuthentication",
                new[]
                {
                    new AuthenticationStep(at.AddSeconds(-20), "Password", "Primary authentication", true),
                    new AuthenticationStep(at, "Mobile app notification", "MFA", true),
                },
                operatingSystem, browser, "My Signins");

        /// <summary>A successful interactive sign-in with the password only.</summary>
        public static SignInRecord SingleFactorSignIn(DateTimeOffset at, string id = "signin-sfa") =>
            new SignInRecord(id, at, true, true, "singleFactorAuthentication",
                new[] { new AuthenticationStep(at, "Password", "Primary authentication", true) },
                "Windows10", "Edge 131.0.0", "Office 365");

        public UserBuilder WithSignIns(params SignInRecord[] signIns)
        {
            _signIns = SignInHistory.Read(signIns, Diagnose.Now.AddDays(-30));
            return this;
        }

        public UserBuilder WithSignIns(SignInHistory history)
        {
            _signIns = history;
            return this;
        }

        public UserEvidence Build() =>
            new UserEvidence(_id, _upn, "Adele Vance", _enabled, _userType, _creationType, _externalState, _methods, _groups) { SignIns = _signIns };
    }
}
