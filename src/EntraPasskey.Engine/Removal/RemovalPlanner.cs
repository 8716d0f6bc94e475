using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Removal
{
    /// <summary>
    /// Decides a removal without calling Graph: picks the passkey (<see cref="PasskeySelection"/>), works out which of
    /// the user's methods can still complete MFA once it is gone (<see cref="MfaCapability"/>, the same answer
    /// Test-EntraPasskey gives), and refuses to take away the last one without -Force: a user left with nothing that
    /// completes MFA cannot sign in to register a replacement until someone issues them a Temporary Access Pass.
    /// </summary>
    public static class RemovalPlanner
    {
        public static RemovalPlan Plan(TenantSnapshot tenant, UserEvidence user, PasskeyRemovalRequest request, DateTimeOffset now, string input)
        {
            var passkey = PasskeySelection.Select(user, request, input);
            var counted = MfaCapability.Counted(new DiagnosisInput(tenant, user, AttemptHints.None, now));
            var remaining = counted.Where(m => !ReferenceEquals(m, passkey)).ToList();
            var removesLast = remaining.Count == 0 && counted.Any(m => ReferenceEquals(m, passkey));
            if (removesLast && !request.Force)
            {
                var others = user.Methods.Where(m => !ReferenceEquals(m, passkey)).Select(m => m.Describe()).Distinct().ToList();
                var why = others.Count == 0 ? string.Empty : $" (their other methods, {string.Join(", ", others)}, cannot)";
                throw new EntraPasskeyException(
                    "LastMfaMethod", ErrorKind.InvalidOperation,
                    $"Passkey {PasskeySelection.Describe(passkey)} is the last method {user.Name} can complete multifactor authentication with{why}. "
                    + "Without it they cannot sign in with MFA or register a replacement passkey.",
                    "Issue a Temporary Access Pass first (New-PasskeyBootstrapTap) so they can register a replacement, or run again with -Force to remove it anyway (then issue the pass).",
                    input);
            }

            return new RemovalPlan(input, user, passkey, remaining, request.RevokeSessions, removesLast);
        }
    }
}
