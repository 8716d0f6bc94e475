using System;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class AllowListMissingSiblingAaguidsCheckTests
    {
        private static readonly Guid First = new Guid("aaaaaaaa-0000-0000-0000-000000000001");
        private static readonly Guid Second = new Guid("aaaaaaaa-0000-0000-0000-000000000002");
        private static readonly Guid Other = new Guid("bbbbbbbb-0000-0000-0000-000000000001");

        private static readonly AuthenticatorCatalog Catalog = new AuthenticatorCatalog(new[]
        {
            Key(First, "Acme Key 5"), Key(Second, "Acme Key 5"), Key(Other, "Other Key"),
        });

        private readonly AllowListMissingSiblingAaguidsCheck _check = new AllowListMissingSiblingAaguidsCheck();

        [Fact]
        public void OneOfTwoAaguidsOfAModel_Fails_NamingTheMissingOne()
        {
            var outcome = _check.Evaluate(Input(KeyRestrictions.Allow(First, Other)));

            Assert.Equal(Second.ToString(), outcome!.Evidence["missingAaguids"]);
            Assert.Equal(80, outcome.Affected!.Users);
        }

        [Fact]
        public void EveryAaguidOfEachModel_Passes()
        {
            Assert.Null(_check.Evaluate(Input(KeyRestrictions.Allow(First, Second, Other))));
        }

        [Fact]
        public void ABlockListMissingASibling_IsNotThisCheck()
        {
            Assert.Null(_check.Evaluate(Input(KeyRestrictions.Block(First))));
        }

        private static Engine.Design.DesignInput Input(KeyRestrictions restrictions)
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Keys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, restrictions);
            return new Engine.Design.DesignInput(Profiles.Tenant(profile).Build(), DesignInputs.Now) { Sizes = DesignInputs.Sizes(), Authenticators = Catalog };
        }

        private static PasskeyAuthenticator Key(Guid aaguid, string name) =>
            new PasskeyAuthenticator(aaguid, name, "Acme", PasskeyType.DeviceBound, ProviderKind.HardwareKey, AttestationSupport.Accepted, null, true, true, new[] { "usb" }, null, AuthenticatorSource.BuiltIn);
    }
}
