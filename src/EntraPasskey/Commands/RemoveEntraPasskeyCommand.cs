using System;
using System.Linq;
using System.Management.Automation;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Removal;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// Removes a lost or stolen passkey from a user, optionally revoking their sign-in sessions, and says what they
    /// do next. One result (or one error) per input, in input order; nothing is written before the checks pass and the
    /// caller confirms.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "EntraPasskey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByMethodIdSet)]
    [OutputType(typeof(PasskeyRemoval))]
    public sealed class RemoveEntraPasskeyCommand : EntraPasskeyCommandBase
    {
        private const string ByMethodIdSet = "ByMethodId";
        private const string ByAaguidSet = "ByAaguid";

        private readonly UserInputs _inputs = new UserInputs();
        private PasskeyRemover? _remover;
        private ResolvedConnection? _connection;

        /// <summary>Object id or user principal name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias(UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId)]
        [AllowEmptyString]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The id of the user's fido2AuthenticationMethod.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByMethodIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? MethodId { get; set; }

        /// <summary>The AAGUID of the lost passkey's model; it must match exactly one of the user's passkeys.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByAaguidSet, ValueFromPipelineByPropertyName = true)]
        public Guid Aaguid { get; set; }

        [Parameter]
        public SwitchParameter RevokeSessions { get; set; }

        /// <summary>Remove the passkey even when it is the user's last method that can complete MFA.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Begin()
        {
            try
            {
                _connection = ConnectionResolver.Resolve(this);
                _remover = new PasskeyRemover(_connection.Connection);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
            }
        }

        protected override void Process()
        {
            var request = ParameterSetName == ByAaguidSet
                ? PasskeyRemovalRequest.ByAaguid(Aaguid, RevokeSessions.IsPresent, Force.IsPresent)
                : PasskeyRemovalRequest.ByMethodId(MethodId!, RevokeSessions.IsPresent, Force.IsPresent);
            var (input, origin) = _inputs.Take(this, new[] { UserId }).Single();
            if (!UserKey.TryParse(input, origin, out _, out var invalid))
            {
                WriteEngineError(invalid!, input);
                return;
            }

            try
            {
                var plan = Run(ct => _remover!.PlanAsync(UserId, request, ct), _remover!.Log);
                if (!ShouldProcess(plan.UserPrincipalName, plan.Action))
                {
                    return;
                }

                WriteObject(Run(ct => _remover.RemoveAsync(plan, ct), _remover.Log));
            }
            catch (EntraPasskeyException error) when (_connection!.Connection.EndsRun(error))
            {
                // The token cannot be used any more: every later user would fail the same way.
                ThrowEngineError(error, UserId);
            }
            catch (EntraPasskeyException error)
            {
                WriteEngineError(error, UserId);
            }
        }

        protected override void ReleaseResources()
        {
            _connection?.Dispose();
            _connection = null;
        }
    }
}
