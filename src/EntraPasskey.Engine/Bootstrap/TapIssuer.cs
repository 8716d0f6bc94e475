using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>
    /// Issues Temporary Access Passes for one New-PasskeyBootstrapTap run: reads the tenant's policy once, and per user
    /// reads the account, its methods and groups, runs the pre-issue checks (<see cref="PlanAsync"/>), then creates
    /// the pass (<see cref="IssueAsync"/>). The pass value goes into the returned object only: never into
    /// <see cref="Log"/> or an exception.
    /// </summary>
    public sealed class TapIssuer
    {
        public const string DeliveryReminder =
            "Deliver each Temporary Access Pass to its user out of band (in person, or by phone to a number you have verified), never by email, chat or ticket: " +
            "whoever holds it can sign in as the user until it expires. It is shown only in this command's output, and in any transcript being recorded.";

        private const string RoleHint =
            " The narrower UserAuthMethod-TAP.ReadWrite.All also allows it. Signed in as a user, you also need the Authentication Administrator role " +
            "(Privileged Authentication Administrator to issue a pass to an administrator).";

        private readonly GraphServiceClient _client;
        private readonly WriteTargetReader _reader;

        public TapIssuer(EntraPasskeyConnection connection)
        {
            Log = new EngineLog();
            _client = connection.Graph;
            _reader = new WriteTargetReader(connection, Log);
        }

        public EngineLog Log { get; }

        /// <summary>Reads what the checks need and runs them; throws the one error that stops this user.</summary>
        public async Task<TapPlan> PlanAsync(string input, BootstrapTapRequest request, CancellationToken cancellationToken)
        {
            var (tenant, user) = await _reader.ReadAsync(input, cancellationToken).ConfigureAwait(false);
            var checks = new TapCheckInput(tenant, user, request);
            var decision = TapPreflight.Decide(checks, request.Force);
            if (decision.Refusal != null)
            {
                throw decision.Refusal.ToException(input);
            }

            foreach (var forced in decision.Forced)
            {
                if (forced.Severity == TapCheckSeverity.Unusable)
                {
                    Log.Warning(forced.Message + " Issuing it anyway (-Force).");
                }
                else
                {
                    Log.Verbose(forced.Message + " Replacing it without asking (-Force).");
                }
            }

            var replaces = decision.Confirmation != null || decision.Forced.Any(f => f.Severity == TapCheckSeverity.Replace);
            Log.Verbose($"{user.Name} ({user.UserPrincipalName}) passed the pre-issue checks: TAP policy {(checks.Policy.Enabled ? "enabled" : "disabled")}, lifetime {checks.LifetimeInMinutes} minutes (allowed {checks.Policy.MinimumLifetimeInMinutes} to {checks.Policy.MaximumLifetimeInMinutes}), {(checks.IsUsableOnce ? "one-time" : "multi-use")}.");
            return new TapPlan(input, user, checks.LifetimeInMinutes, checks.IsUsableOnce, request.StartDateTime, replaces, decision.Confirmation);
        }

        /// <summary>Logs the request <see cref="IssueAsync"/> will send, so a caller can show it before anything is created.</summary>
        public void DescribeRequest(TapPlan plan) =>
            Log.Debug($"POST /users/{plan.User.Id}/authentication/temporaryAccessPassMethods: lifetimeInMinutes {plan.LifetimeInMinutes}, isUsableOnce {plan.IsUsableOnce}, startDateTime {(plan.StartDateTime.HasValue ? TapTimes.Format(plan.StartDateTime.Value) : "now")}.");

        /// <summary>
        /// Creates the pass (POST users/{id}/authentication/temporaryAccessPassMethods), replacing any existing one.
        /// What it logs is about the created pass: a caller writes it after the pass.
        /// </summary>
        public async Task<BootstrapTap> IssueAsync(TapPlan plan, CancellationToken cancellationToken)
        {
            var user = plan.User;
            var body = new TemporaryAccessPassAuthenticationMethod
            {
                LifetimeInMinutes = plan.LifetimeInMinutes,
                IsUsableOnce = plan.IsUsableOnce,
                StartDateTime = plan.StartDateTime,
            };
            TemporaryAccessPassAuthenticationMethod? created;
            try
            {
                created = await _client.Users[user.Id].Authentication.TemporaryAccessPassMethods
                    .PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CreateFailed(ex, plan, cancellationToken);
            }

            var pass = created?.TemporaryAccessPass;
            if (created == null || string.IsNullOrEmpty(pass))
            {
                throw new EntraPasskeyException(
                    "TapValueMissing", ErrorKind.ServiceUnavailable,
                    $"Microsoft Graph created a Temporary Access Pass for {user.Name} but did not return its value.",
                    "Run the command again with -Force: the new pass replaces the one whose value was not returned.", plan.Input);
            }

            // Graph always sends startDateTime on create; a pass without one started when it was created.
            var start = created.StartDateTime ?? created.CreatedDateTime ?? DateTimeOffset.UtcNow;
            var lifetime = created.LifetimeInMinutes ?? plan.LifetimeInMinutes;
            var usableOnce = created.IsUsableOnce ?? plan.IsUsableOnce;
            var usable = created.IsUsable ?? false;
            var reason = created.MethodUsabilityReason;
            var expires = start.AddMinutes(lifetime);
            Log.Debug($"Microsoft Graph created Temporary Access Pass method {created.Id}: start {TapTimes.Format(start)}, lifetime {lifetime} minutes, isUsableOnce {usableOnce}, isUsable {usable} ({reason}).");
            Log.Verbose($"Issued a {(usableOnce ? "one-time" : "multi-use")} Temporary Access Pass to {user.UserPrincipalName}, valid {TapTimes.Format(start)} to {TapTimes.Format(expires)}.");
            return new BootstrapTap(
                user.UserPrincipalName, user.Id, pass!, start, lifetime, usableOnce, usable, reason,
                TapNextSteps.For(user.Name, start, expires, usableOnce, usable, reason));
        }

        /// <summary>
        /// Graph's refusals with their own words; anything unexpected by type only, because after the POST an
        /// exception's text could hold part of the response, and the response holds the pass.
        /// </summary>
        private static Exception CreateFailed(Exception exception, TapPlan plan, CancellationToken cancellationToken)
        {
            if (exception is ODataError refused && refused.ResponseStatusCode == 400)
            {
                return new EntraPasskeyException(
                    "TapRejectedByPolicy", ErrorKind.InvalidOperation,
                    $"Microsoft Graph refused to issue a Temporary Access Pass to {plan.User.Name}: {refused.Error?.Message} ({refused.Error?.Code}).",
                    "Check the Temporary Access Pass policy (who it includes, its lifetime range, whether passes must be one-time) and the account; an Authentication Policy Administrator can change the policy.",
                    plan.Input);
            }

            switch (GraphErrors.FromException(exception, GraphCall.CreateTap, plan.Input, cancellationToken))
            {
                case EntraPasskeyException denied when denied.Kind == ErrorKind.PermissionDenied:
                    return new EntraPasskeyException(denied.ErrorId, denied.Kind, denied.Message, denied.RecommendedAction + RoleHint, denied.Target);
                case EntraPasskeyException known:
                    return known;
                case OperationCanceledException cancelled:
                    return cancelled;
                default:
                    return new EntraPasskeyException(
                        "TapIssueFailed", ErrorKind.InvalidOperation,
                        $"Issuing the Temporary Access Pass to {plan.User.Name} failed unexpectedly ({exception.GetType().Name}).",
                        "Check with Test-EntraPasskey whether the user now has a pass; run the command again with -Force to replace it.", plan.Input);
            }
        }
    }
}
