using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace EntraPasskey.Engine.Removal
{
    /// <summary>
    /// Removes lost or stolen passkeys for one Remove-EntraPasskey run: reads the methods policy once, and per user
    /// the account, its methods and groups; plans the removal (<see cref="PlanAsync"/>, no writes); then revokes the
    /// user's sessions when asked and deletes the passkey (<see cref="RemoveAsync"/>). Sessions go first: if the
    /// revocation is refused (a missing permission), nothing has changed and the one error says so; a passkey removed
    /// and sessions left open would be the worse half-done state for a stolen key.
    /// </summary>
    public sealed class PasskeyRemover
    {
        private const string RoleHint =
            " Signed in as a user, you also need the Authentication Administrator role (Privileged Authentication Administrator for an administrator's passkey).";

        private readonly GraphServiceClient _client;
        private readonly WriteTargetReader _reader;
        private readonly Func<DateTimeOffset> _clock;

        public PasskeyRemover(EntraPasskeyConnection connection)
        {
            Log = new EngineLog();
            _client = connection.Graph;
            _clock = () => DateTimeOffset.UtcNow;
            _reader = new WriteTargetReader(connection, Log);
        }

        public EngineLog Log { get; }

        /// <summary>Reads what the plan needs and decides; throws the one error that stops this removal.</summary>
        public async Task<RemovalPlan> PlanAsync(string input, PasskeyRemovalRequest request, CancellationToken cancellationToken)
        {
            var (tenant, user) = await _reader.ReadAsync(input, cancellationToken).ConfigureAwait(false);
            var plan = RemovalPlanner.Plan(tenant, user, request, _clock(), input);
            if (plan.RemovesLastMfaMethod)
            {
                Log.Warning($"{plan.Action} (-Force): {user.Name} will need a Temporary Access Pass to register a replacement.");
            }

            Log.Verbose($"{user.Name} ({user.UserPrincipalName}) can still complete MFA with: {(plan.RemainingMfa.Count == 0 ? "nothing" : string.Join(", ", plan.RemainingMfaNames))}.");
            return plan;
        }

        /// <summary>Revokes the sessions (when planned), then deletes the passkey (DELETE users/{id}/authentication/fido2Methods/{id}).</summary>
        public async Task<PasskeyRemoval> RemoveAsync(RemovalPlan plan, CancellationToken cancellationToken)
        {
            var user = plan.User;
            if (plan.RevokeSessions)
            {
                Log.Debug($"POST /users/{user.Id}/revokeSignInSessions");
                await CallAsync(() => _client.Users[user.Id].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(cancellationToken: cancellationToken), GraphCall.RevokeSessions, plan, null, cancellationToken).ConfigureAwait(false);
                Log.Verbose($"Revoked the sign-in sessions of {user.UserPrincipalName}.");
            }

            Log.Debug($"DELETE /users/{user.Id}/authentication/fido2Methods/{plan.Passkey.Id}");
            var revoked = plan.RevokeSessions ? $" {user.Name}'s sign-in sessions were revoked; the passkey was not removed." : null;
            await CallAsync(() => _client.Users[user.Id].Authentication.Fido2Methods[plan.Passkey.Id].DeleteAsync(cancellationToken: cancellationToken), GraphCall.DeletePasskey, plan, revoked, cancellationToken).ConfigureAwait(false);
            Log.Verbose($"Removed passkey {PasskeySelection.Describe(plan.Passkey)} from {user.UserPrincipalName}.");

            var passkey = plan.Passkey;
            return new PasskeyRemoval(
                user.UserPrincipalName, user.Id, user.DisplayName, passkey.Id, passkey.DisplayName, passkey.Aaguid, passkey.Model, passkey.PasskeyType,
                passkey.CreatedAt, _clock(), plan.RevokeSessions, new TextList(plan.RemainingMfaNames), RemovalNextSteps.For(plan, plan.RevokeSessions));
        }

        /// <param name="alreadyDone">Appended to the error when an earlier step of this removal already changed something.</param>
        private static async Task CallAsync(Func<Task> call, GraphCall purpose, RemovalPlan plan, string? alreadyDone, CancellationToken cancellationToken)
        {
            try
            {
                await call().ConfigureAwait(false);
            }
            catch (ODataError gone) when (gone.ResponseStatusCode == 404 && purpose == GraphCall.DeletePasskey)
            {
                throw new EntraPasskeyException(
                    "PasskeyNotFound", ErrorKind.NotFound,
                    $"Passkey {PasskeySelection.Describe(plan.Passkey)} of {plan.User.Name} was no longer registered when it was to be removed (someone may have removed it meanwhile).{alreadyDone}",
                    "Check the user's authentication methods in the Microsoft Entra admin center.", plan.Input, gone);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                switch (GraphErrors.FromException(ex, purpose, plan.Input, cancellationToken))
                {
                    case EntraPasskeyException error:
                        var action = error.Kind == ErrorKind.PermissionDenied ? error.RecommendedAction + RoleHint : error.RecommendedAction;
                        throw new EntraPasskeyException(error.ErrorId, error.Kind, error.Message + alreadyDone, action, error.Target, error.InnerException);
                    case OperationCanceledException cancelled:
                        throw cancelled;
                    default:
                        throw new EntraPasskeyException(
                            "PasskeyRemovalFailed", ErrorKind.InvalidOperation,
                            $"Microsoft Graph failed unexpectedly to {purpose.Purpose} of {plan.User.Name} ({ex.GetType().Name}: {MessageText.FirstLine(ex.Message)}).{alreadyDone}",
                            "Check the user's authentication methods in the Microsoft Entra admin center, then run the command again.", plan.Input, ex);
                }
            }
        }
    }
}
