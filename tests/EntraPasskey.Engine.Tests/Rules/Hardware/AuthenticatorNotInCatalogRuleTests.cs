using System;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 6, AuthenticatorNotInCatalog (AuthenticatorNotInCatalogRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AuthenticatorNotInCatalogRuleTests
    {
        [Fact]
        public void AuthenticatorNotInCatalog_UnknownModelUnderAttestation_IsUnknownNotReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Attested), new UserBuilder(), Aaguids.Unknown);

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("AuthenticatorNotInCatalog", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Unknown, diagnosis.Findings[PasskeyLayer.Hardware].Status);
            Assert.Contains($"AAGUID {Aaguids.Unknown} is not in the authenticator catalog", diagnosis.Findings[PasskeyLayer.Hardware].Message);
            Assert.Contains("requires attestation", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotInCatalog_TheAllZeroAaguid_SaysItNamesNoModel()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Attested), new UserBuilder(), Guid.Empty);

            Assert.Equal("AuthenticatorNotInCatalog", diagnosis.ReasonCode);
            Assert.Contains("all-zero AAGUID identifies no model", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotInCatalog_UnknownModelWhenNothingDependsOnIt_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.Unknown);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("not in the authenticator catalog; nothing the user's passkey profiles require depends on the model", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }
    }
}
