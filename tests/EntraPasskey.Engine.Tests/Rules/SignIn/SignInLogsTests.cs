using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Sign-in, the logs (PasskeySignInFailed, SignInLogsUnreadable): a failed passkey sign-in only warns, with its code
    /// mapped where Microsoft documents it; a later success clears it; unreadable logs never decide the verdict.
    /// </summary>
    public sealed class SignInLogsTests
    {
        [Fact]
        public void PasskeySignInFailed_TheLatestPasskeySignInBlockedByConditionalAccess_WarnsWithTheDocumentedMeaning()
        {
            var user = SignInCheck.User(UserBuilder.Passkey()).WithSignIns(Failed(Diagnose.Now.AddHours(-2), 53003, "Access has been blocked by Conditional Access policies."));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), user);

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("PasskeySignInFailed", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(FindingStatus.Warn, diagnosis.SignInLogs.Status);
            Assert.Contains("AADSTS53003 BlockedByConditionalAccess", diagnosis.SignInLogs.Message);
            Assert.Contains("do not say which passkey", diagnosis.SignInLogs.Message);
            Assert.Equal("53003", diagnosis.SignInLogs.Evidence["errorCode"]);
            Assert.Equal(FindingStatus.Pass, SignInCheck.Only(diagnosis).Status);
        }

        [Fact]
        public void PasskeySignInFailed_KeyNotFound_IsTheUsersToFix()
        {
            var user = SignInCheck.User(UserBuilder.Passkey()).WithSignIns(Failed(Diagnose.Now.AddHours(-1), 135010, "KeyNotFound"));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), user);

            Assert.Equal((Verdict.AtRisk, (OwnerQueue?)OwnerQueue.User), (diagnosis.Verdict, diagnosis.Owner));
            Assert.Contains("KeyNotFound: Entra did not find the key", diagnosis.SignInLogs.Message);
        }

        [Fact]
        public void PasskeySignInFailed_ACodeMicrosoftDocumentsNoMeaningFor_IsReportedAsItIs()
        {
            var user = SignInCheck.User(UserBuilder.Passkey()).WithSignIns(Failed(Diagnose.Now.AddHours(-1), 999999, "Something else."));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), user);

            Assert.Equal("PasskeySignInFailed", diagnosis.ReasonCode);
            Assert.Contains("AADSTS999999 (Something else.), a code Microsoft documents no passkey meaning for", diagnosis.SignInLogs.Message);
            Assert.Equal("not documented", diagnosis.SignInLogs.Evidence["errorName"]);
        }

        [Fact]
        public void PasskeySignInFailed_ALaterSuccessWithAPasskey_ClearsIt()
        {
            var user = SignInCheck.User(UserBuilder.Passkey()).WithSignIns(
                Failed(Diagnose.Now.AddHours(-3), 135010, "KeyNotFound"),
                Passkey(Diagnose.Now.AddHours(-1), succeeded: true, 0, null, "later"));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), user);

            SignInCheck.Ready(diagnosis);
            Assert.Equal(FindingStatus.Pass, diagnosis.SignInLogs.Status);
            Assert.Contains("The latest sign-in with a passkey succeeded", diagnosis.SignInLogs.Message);
        }

        [Fact]
        public void PasskeySignInFailed_AFailedSignInWithoutAPasskeyStep_IsNotAPasskeyFailure()
        {
            var password = UserBuilder.SingleFactorSignIn(Diagnose.Now.AddHours(-1)) with { Succeeded = false, ErrorCode = 50126 };

            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).WithSignIns(password));

            SignInCheck.Ready(diagnosis);
            Assert.Contains("No interactive sign-in with a passkey", diagnosis.SignInLogs.Message);
        }

        [Fact]
        public void PasskeySignInFailed_BesideAFactThatBlocks_DoesNotChangeTheReason()
        {
            var user = SignInCheck.User(UserBuilder.Passkey()).InGroups().WithSignIns(Failed(Diagnose.Now.AddHours(-1), 53003, "Blocked."));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), user);

            Assert.Equal((Verdict.Blocked, "SignInUserNotTargeted"), (diagnosis.Verdict, diagnosis.ReasonCode));
            Assert.Equal("PasskeySignInFailed", diagnosis.SignInLogs.ReasonCode);
        }

        [Fact]
        public void SignInLogsUnreadable_IsNamedButDoesNotDecideTheVerdict()
        {
            var gap = SignInHistory.Unavailable(new EvidenceGap("The tenant's licence does not allow reading sign-in logs.", null, Lasting: true));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).WithSignIns(gap));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.ReasonCode);
            Assert.Equal((FindingStatus.Unknown, "SignInLogsUnreadable"), (diagnosis.SignInLogs.Status, diagnosis.SignInLogs.ReasonCode));
            Assert.EndsWith("The sign-in logs could not be read.", diagnosis.Summary);
        }

        [Fact]
        public void NoPasskeySignIn_InTheTenantsLastDay_SaysOnlyADayWasRead_AndThatOneUserAloneReadsAWeek()
        {
            var history = SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now.AddHours(-1)) }, Diagnose.Now.AddDays(-1));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).WithSignIns(history));

            SignInCheck.Ready(diagnosis);
            Assert.EndsWith("(sign-ins read for the last 24 hours, as a run over many users reads the tenant's; for this user alone Test-EntraPasskeySignIn reads the last 7 days).", diagnosis.SignInLogs.Message);
            Assert.Equal("the last 24 hours", diagnosis.SignInLogs.Evidence["signInsReadFor"]);
        }

        [Fact]
        public void NoPasskeySignIn_InTheUsersOwnWeek_SaysAWeekWasRead_WithoutTheManyUsersNote()
        {
            var history = SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now.AddHours(-1)) }, Diagnose.Now.AddDays(-7));

            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).WithSignIns(history));

            Assert.EndsWith("(sign-ins read for the last 7 days).", diagnosis.SignInLogs.Message);
            Assert.Equal("the last 7 days", diagnosis.SignInLogs.Evidence["signInsReadFor"]);
        }

        private static SignInRecord Failed(DateTimeOffset at, int code, string reason) => Passkey(at, succeeded: false, code, reason, "failed");

        private static SignInRecord Passkey(DateTimeOffset at, bool succeeded, int code, string? reason, string id) =>
            new SignInRecord(id, at, true, succeeded, "singleFactorAuthentication",
                new[] { new AuthenticationStep(at, "FIDO2 security key", "Primary authentication", succeeded) }, "Windows10", "Edge 131.0.0", "OfficeHome")
            {
                ErrorCode = code,
                FailureReason = reason,
            };
    }
}
