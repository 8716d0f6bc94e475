using System.Linq;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    /// <summary>The pattern table, entry by entry: a realistic text that produces each reason, and texts that nearly do.</summary>
    public sealed class FailureRecogniserTests
    {
        /// <summary>One row per reason of RegistrationFailurePatterns.json (a guard below keeps it complete).</summary>
        public static readonly TheoryData<string, string, string, int, OwnerQueue> EveryReason = new TheoryData<string, string, string, int, OwnerQueue>
        {
            { "PolicyDisallowsPasskey", "failure", "User failed to register Passkey (device-bound): the method is not enabled for this user by the authentication methods policy.", 1, OwnerQueue.IdentityTeam },
            { "AaguidNotAllowed", "failure", "The authenticator with AAGUID fbfc3007-154e-4ecc-8c0b-6e020557d7bd is not allowed by the passkey profile.", 2, OwnerQueue.IdentityTeam },
            { "KeyRestrictionViolated", "failure", "Security key registration was rejected by the tenant key restrictions.", 2, OwnerQueue.IdentityTeam },
            { "AttestationFailed", "failure", "User failed to register Passkey (synced): attestation is required and the authenticator provided none.", 2, OwnerQueue.IdentityTeam },
            { "PasskeyTypeNotAllowed", "failure", "Synced passkeys are not allowed by the passkey profile (passkey type).", 2, OwnerQueue.IdentityTeam },
            { "ConditionalAccessBlocked", "failure", "Registration of Passkey (device-bound) was blocked by Conditional Access policy 'Compliant device'.", 3, OwnerQueue.IdentityTeam },
            { "RecentMfaRequired", "failure", "Passkey registration requires multi-factor authentication in the last 5 minutes.", 4, OwnerQueue.User },
            { "AlreadyRegistered", "failure", "Passkey registration failed: a credential for this account already exists on the authenticator.", 7, OwnerQueue.Endpoint },
            { "PlatformNotSupported", "failure", "The browser is not supported for passkey registration.", 5, OwnerQueue.Endpoint },
            { "CancelledOrTimedOut", "timeout", "The passkey request timed out (NotAllowedError) before the authenticator answered.", 5, OwnerQueue.User },
        };

        [Theory]
        [MemberData(nameof(EveryReason))]
        public void Recognise_EachTableReason_GivesItsCodeLayerAndOwner(string code, string result, string resultReason, int layer, OwnerQueue owner)
        {
            var failure = new AuditEventBuilder().Result(result).Reason(resultReason).Recognised();

            Assert.Equal(code, failure.Reason.Code);
            Assert.Equal((PasskeyLayer)layer, failure.Reason.Layer);
            Assert.Equal(owner, failure.Reason.Owner);
            Assert.False(string.IsNullOrWhiteSpace(failure.Reason.Remediation));
        }

        /// <summary>For each reason, a text that nearly produces it but must not (null: not a passkey failure at all).</summary>
        [Theory]
        [InlineData("PolicyDisallowsPasskey", "failure", "The passkey is not allowed by the passkey profile.", "Unrecognised")]
        [InlineData("AaguidNotAllowed", "success", "User registered Passkey (device-bound) with AAGUID 2fc0579f-8113-47ea-b116-bb5a8db9202a.", null)]
        [InlineData("KeyRestrictionViolated", "failure", "Security key registration failed: the key is restricted to another account.", "Unrecognised")]
        [InlineData("AttestationFailed", "success", "Passkey registered with attestation.", null)]
        [InlineData("PasskeyTypeNotAllowed", "failure", "User failed to register Passkey (synced).", "Unrecognised")]
        [InlineData("ConditionalAccessBlocked", "failure", "Passkey registration was denied: access denied.", "Unrecognised")]
        [InlineData("RecentMfaRequired", "failure", "User failed to register Mobile phone: multi-factor authentication required.", null)]
        [InlineData("AlreadyRegistered", "failure", "User registered security info for a passkey, then it failed.", "Unrecognised")]
        [InlineData("PlatformNotSupported", "failure", "The supported passkey providers did not answer.", "Unrecognised")]
        [InlineData("CancelledOrTimedOut", "success", "User started the registration for Passkey (device-bound)", null)]
        public void Recognise_NearMiss_DoesNotGiveTheReason(string notThis, string result, string resultReason, string? expected)
        {
            var failure = FailureRecogniser.Recognise(new AuditEventBuilder().Result(result).Reason(resultReason).Build(), FailurePatternTable.Default);

            Assert.NotEqual(notThis, failure?.Reason.Code);
            Assert.Equal(expected, failure?.Reason.Code);
        }

        [Fact]
        public void EveryReasonOfTheTable_HasARowAbove()
        {
            var tested = EveryReason.Select(row => (string)row[0]).OrderBy(c => c).ToList();

            Assert.Equal(FailurePatternTable.Default.Reasons.Select(r => r.Code).OrderBy(c => c).ToList(), tested);
        }

        [Fact]
        public void Table_CodesAreUniquePascalCaseAndPatternsLowerCase()
        {
            var table = FailurePatternTable.Default;

            Assert.Equal(table.Reasons.Count, table.Reasons.Select(r => r.Code).Distinct().Count());
            Assert.All(table.Reasons, r => Assert.Matches("^[A-Z][A-Za-z0-9]+$", r.Code));
            Assert.All(table.Reasons.SelectMany(r => r.Patterns).Concat(table.PasskeyMarkers), p => Assert.Equal(p.ToLowerInvariant(), p));
            Assert.Equal("Unrecognised", table.Unrecognised.Code);
            Assert.Null(table.Unrecognised.Layer);
        }

        [Fact]
        public void Recognise_CancelledRegistrationWithSuccessResult_IsCancelledOrTimedOut()
        {
            var failure = new AuditEventBuilder()
                .Activity("User canceled security info registration").Result("success")
                .Reason("User canceled registration of Passkey (device-bound).")
                .Recognised();

            Assert.Equal("CancelledOrTimedOut", failure.Reason.Code);
        }

        [Fact]
        public void Recognise_UnknownText_IsUnrecognisedWithoutLayer()
        {
            var failure = new AuditEventBuilder().Reason("Passkey (device-bound) registration: something went wrong. Error code: 0x80090027.").Recognised();

            Assert.Equal("Unrecognised", failure.Reason.Code);
            Assert.Null(failure.Reason.Layer);
            Assert.Null(failure.Reason.Owner);
        }

        [Fact]
        public void Recognise_SuccessfulPasskeyRegistration_IsNotAFailure()
        {
            var success = new AuditEventBuilder().Result("success").Reason("User registered Fido2 Authentication Method").Build();

            Assert.Null(FailureRecogniser.Recognise(success, FailurePatternTable.Default));
        }

        [Fact]
        public void Recognise_FailureOfAnotherMethodWithPolicyWords_IsNotAPasskeyFailure()
        {
            var tap = new AuditEventBuilder()
                .Activity("Admin registered security info")
                .Reason("Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass]")
                .Detail("AuthenticationMethod", "Temporary Access Pass")
                .Build();

            Assert.Null(FailureRecogniser.Recognise(tap, FailurePatternTable.Default));
        }

        [Fact]
        public void Recognise_PasskeyFailureLoggedByAnotherService_IsNotRead()
        {
            var core = new AuditEventBuilder().Service("Core Directory").Activity("Update user").Reason("Fido2 StrongAuthenticationMethod update failed.").Build();

            Assert.Null(FailureRecogniser.Recognise(core, FailurePatternTable.Default));
        }

        [Fact]
        public void Recognise_CancelledPhoneRegistration_IsNotAPasskeyFailure()
        {
            var phone = new AuditEventBuilder()
                .Activity("User canceled security info registration").Result("success").Reason("User canceled registration of Mobile phone.")
                .Build();

            Assert.Null(FailureRecogniser.Recognise(phone, FailurePatternTable.Default));
        }

        [Fact]
        public void Recognise_AaguidDetailOnAnAttestationFailure_StaysAttestationFailed()
        {
            // The word AAGUID in additionalDetails names the authenticator; only the result reason says why it failed.
            var failure = new AuditEventBuilder()
                .Reason("User failed to register Passkey (synced): attestation is required and the authenticator provided none.")
                .Detail("AAGuid", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")
                .Recognised();

            Assert.Equal("AttestationFailed", failure.Reason.Code);
            Assert.Equal("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", failure.Aaguid);
        }

        /// <summary>
        /// A result reason that names the AAGUID itself: the AAGUID says which authenticator, the rest of the text says
        /// why. Attestation wording wins over the AAGUID (AttestationFailed ranks before AaguidNotAllowed); only a reason
        /// that names the AAGUID and says nothing more specific is AaguidNotAllowed. Either way the AAGUID is read.
        /// </summary>
        [Theory]
        [InlineData("Passkey attestation of the authenticator with AAGUID ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4 could not be verified.", "AttestationFailed", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")]
        [InlineData("Security key with AAGUID 2fc0579f-8113-47ea-b116-bb5a8db9202a: the attestation statement is not trusted.", "AttestationFailed", "2fc0579f-8113-47ea-b116-bb5a8db9202a")]
        [InlineData("The authenticator with AAGUID fbfc3007-154e-4ecc-8c0b-6e020557d7bd is not allowed by the passkey profile.", "AaguidNotAllowed", "fbfc3007-154e-4ecc-8c0b-6e020557d7bd")]
        public void Recognise_ReasonNamingAnAaguid_IsAttestationFailedWhenItSaysAttestation_ElseAaguidNotAllowed(string resultReason, string code, string aaguid)
        {
            var failure = new AuditEventBuilder().Reason(resultReason).Recognised();

            Assert.Equal((code, aaguid), (failure.Reason.Code, failure.Aaguid));
        }

        [Theory]
        [InlineData("AAGuid", "EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4", null, "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")]
        [InlineData(null, null, "Fido2AuthenticationMethod.AaGuid: \"2fc0579f-8113-47ea-b116-bb5a8db9202a\"", "2fc0579f-8113-47ea-b116-bb5a8db9202a")]
        [InlineData("Device", "0c5d6a2e-5f8c-4a41-9a3b-1e2d3c4b5a69", null, null)]
        public void Recognise_ReadsTheAaguidFromDetailsOrModifiedProperties(string? key, string? value, string? target, string? expected)
        {
            var builder = new AuditEventBuilder();
            if (key != null)
            {
                builder.Detail(key, value!);
            }

            if (target != null)
            {
                builder.Target(target);
            }

            Assert.Equal(expected, builder.Recognised().Aaguid);
        }

        [Theory]
        [InlineData("Add Passkey (device-bound)", "", "Passkey (device-bound)")]
        [InlineData("User registered security info", "User failed to register Passkey (synced).", "Passkey (synced)")]
        [InlineData("User registered security info", "User failed to register Passkey (Microsoft Authenticator).", "Passkey (Authenticator)")]
        [InlineData("User registered security info", "Security key registration failed.", "Security key")]
        [InlineData("User registered security info", "User failed to register Fido2 Authentication Method.", "Passkey (FIDO2)")]
        public void Recognise_NamesTheMethod(string activity, string reason, string method)
        {
            Assert.Equal(method, new AuditEventBuilder().Activity(activity).Reason(reason).Recognised().Method);
        }
    }
}
