using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.SignIn;
using Xunit;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Runs Test-EntraPasskeySignIn's judge on built evidence, recording the reason codes it gives.</summary>
    internal static class SignInCheck
    {
        public static PasskeySignInDiagnosis Run(TenantBuilder tenant, UserBuilder user) => Run(tenant.Build(), user.Build());

        public static PasskeySignInDiagnosis Run(TenantSnapshot tenant, UserEvidence user)
        {
            var diagnosis = SignInJudge.Default.Diagnose(new DiagnosisInput(tenant, user, AttemptHints.None, Diagnose.Now));
            ProducedReasons.Record(diagnosis);
            return diagnosis;
        }

        /// <summary>A user in the default tenant's passkey group with a password and these methods.</summary>
        public static UserBuilder User(params RegisteredMethod[] methods) =>
            new UserBuilder().WithMethods(new[] { UserBuilder.Password }.Concat(methods).ToArray()).WithSignIns();

        /// <summary>The one passkey's check, asserting there is exactly one.</summary>
        public static PasskeySignInCheck Only(PasskeySignInDiagnosis diagnosis) => Assert.Single(diagnosis.Passkeys);

        /// <summary>Blocked by the one passkey's failure, with the code, status and owner given.</summary>
        public static void Blocked(PasskeySignInDiagnosis diagnosis, string code, OwnerQueue owner = OwnerQueue.IdentityTeam)
        {
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(code, diagnosis.ReasonCode);
            Assert.Equal(owner, diagnosis.Owner);
            var check = Only(diagnosis);
            Assert.Equal((FindingStatus.Fail, code, (OwnerQueue?)owner, (bool?)false), (check.Status, check.ReasonCode, check.Owner, check.CanSignIn));
            Assert.False(string.IsNullOrEmpty(check.Remediation));
        }

        public static void Ready(PasskeySignInDiagnosis diagnosis)
        {
            Assert.True(diagnosis.Verdict == Verdict.Ready, $"{diagnosis.Verdict} {diagnosis.ReasonCode}: {diagnosis.Summary}");
            Assert.All(diagnosis.Passkeys, c => Assert.Equal(FindingStatus.Pass, c.Status));
        }

        /// <summary>A passkey of the given model, device-bound and attested unless said otherwise.</summary>
        public static RegisteredMethod Passkey(Guid aaguid, string id = "passkey-1", string name = "Key", string passkeyType = "deviceBound", string attestation = "attested") =>
            new RegisteredMethod(MethodKind.Fido2, id) { DisplayName = name, Aaguid = aaguid, PasskeyType = passkeyType, AttestationLevel = attestation, Model = name, CreatedAt = Diagnose.Now.AddDays(-30) };
    }
}
