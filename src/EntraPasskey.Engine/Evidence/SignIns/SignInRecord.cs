using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One sign-in from the logs, reduced to what layers 4 and 5 need.</summary>
    /// <param name="AuthenticationRequirement">Beta: singleFactorAuthentication or multiFactorAuthentication (case varies).</param>
    /// <param name="OperatingSystem">deviceDetail.operatingSystem as logged, e.g. "Windows10", "Ios", "Android".</param>
    /// <param name="Browser">deviceDetail.browser as logged, e.g. "Edge 131.0.0", "Mobile Safari".</param>
    public sealed record SignInRecord(
        string Id,
        DateTimeOffset CreatedAt,
        bool IsInteractive,
        bool Succeeded,
        string? AuthenticationRequirement,
        IReadOnlyList<AuthenticationStep> Steps,
        string? OperatingSystem,
        string? Browser,
        string? AppDisplayName)
    {
        /// <summary>status.errorCode: 0 for a sign-in that succeeded, else the AADSTS code it failed with.</summary>
        public int ErrorCode { get; init; }

        /// <summary>status.failureReason as logged.</summary>
        public string? FailureReason { get; init; }

        /// <summary>Whether any step of the sign-in used a passkey.</summary>
        public bool UsedPasskey => Steps.Any(s => s.IsPasskey);

        /// <summary>
        /// The MFA this sign-in did itself: a successful interactive sign-in that required multiFactorAuthentication
        /// and whose steps are not all "Previously satisfied" or a claim in an earlier token (that MFA happened before,
        /// at a time the logs do not give). Null otherwise.
        /// </summary>
        public CompletedMfa? CompletedMfa
        {
            get
            {
                if (!IsInteractive || !Succeeded
                    || !string.Equals(AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var performed = Steps.Where(s => s.Succeeded && !IsCarriedOver(s.Method)).ToList();
                if (Steps.Count > 0 && performed.Count == 0)
                {
                    return null;
                }

                var at = performed.Where(s => s.At.HasValue).Select(s => s.At!.Value).DefaultIfEmpty(CreatedAt).Max();
                var method = performed.LastOrDefault(s => s.IsMfa)?.Method
                    ?? performed.LastOrDefault()?.Method;
                return new CompletedMfa(at, method);
            }
        }

        private static bool IsCarriedOver(string? method) =>
            method != null
            && (method.IndexOf("previously satisfied", StringComparison.OrdinalIgnoreCase) >= 0
                || method.IndexOf("claim in", StringComparison.OrdinalIgnoreCase) >= 0
                || method.IndexOf("satisfied by token", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
