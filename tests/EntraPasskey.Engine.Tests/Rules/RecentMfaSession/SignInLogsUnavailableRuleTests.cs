using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 4, SignInLogsUnavailable (SignInLogsUnavailableRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class SignInLogsUnavailableRuleTests
    {
        [Fact]
        public void SignInLogsUnavailable_NoPremiumLicence_IsUnknownButTheVerdictStaysReady()
        {
            var gap = new EvidenceGap("The tenant's licence does not allow Graph to read the user's sign-in logs; this report needs Microsoft Entra ID P1 or P2.", null);

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(SignInHistory.Unavailable(gap)));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Unknown, finding.Status);
            Assert.Equal("SignInLogsUnavailable", finding.ReasonCode);
            Assert.Contains("P1 or P2", finding.Message);
            Assert.Contains("Layer 4 (Recent MFA session) is unknown", diagnosis.Summary);
        }

        [Fact]
        public void SignInLogsUnavailable_PermissionMissing_NamesIt()
        {
            var gap = new EvidenceGap("Permission denied to read the user's sign-in logs. It needs the Microsoft Graph permission AuditLog.Read.All.", "AuditLog.Read.All");

            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(SignInHistory.Unavailable(gap))).Findings[PasskeyLayer.RecentMfaSession];

            Assert.Equal("AuditLog.Read.All", finding.Evidence["missingPermission"]);
            Assert.StartsWith("Grant AuditLog.Read.All", finding.Remediation);
        }

        [Fact]
        public void SignInLogsUnavailable_LogsReadButEmpty_IsNotUnknown()
        {
            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns()).Findings[PasskeyLayer.RecentMfaSession];

            Assert.NotEqual(FindingStatus.Unknown, finding.Status);
        }
    }
}
