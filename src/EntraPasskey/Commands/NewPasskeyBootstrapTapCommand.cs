using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// Issues a Temporary Access Pass so a user without a usable MFA method can sign in to Security info and add a
    /// passkey. One pass (or one error) per input user, in input order; the checks run before anything is written.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PasskeyBootstrapTap", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(BootstrapTap))]
    public sealed class NewPasskeyBootstrapTapCommand : EntraPasskeyCommandBase
    {
        private readonly UserInputs _inputs = new UserInputs();
        private TapIssuer? _issuer;
        private ResolvedConnection? _connection;
        private BootstrapTapRequest? _request;
        private bool _usableOnce = true;
        private bool _reminded;
        private bool _yesToAll;
        private bool _noToAll;

        /// <summary>Object id or user principal name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias(UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId)]
        [AllowEmptyString]
        [AllowNull]
        public string[]? UserId { get; set; }

        /// <summary>Graph's absolute range; the TAP policy's own minimum and maximum are checked per run.</summary>
        [Parameter]
        [ValidateRange(10, 43200)]
        public int? LifetimeInMinutes { get; set; }

        [Parameter]
        public DateTimeOffset? StartDateTime { get; set; }

        /// <summary>
        /// One-time unless the caller writes -UsableOnce:$false: a multi-use pass is a longer-lived credential, so it
        /// has to be asked for explicitly, never obtained by leaving something out.
        /// </summary>
        [Parameter]
        public SwitchParameter UsableOnce
        {
            get => _usableOnce;
            set => _usableOnce = value.IsPresent;
        }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Begin()
        {
            try
            {
                _connection = ConnectionResolver.Resolve(this);
                _issuer = new TapIssuer(_connection.Connection);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
            }

            _request = new BootstrapTapRequest(LifetimeInMinutes, StartDateTime, _usableOnce, Force.IsPresent);
        }

        protected override void Process()
        {
            foreach (var (input, origin) in _inputs.Take(this, UserId))
            {
                if (UserKey.TryParse(input, origin, out _, out var invalid))
                {
                    Issue(input);
                }
                else
                {
                    WriteEngineError(invalid!, input);
                }
            }
        }

        protected override void ReleaseResources()
        {
            _connection?.Dispose();
            _connection = null;
        }

        private void Issue(string input)
        {
            try
            {
                var plan = Run(ct => _issuer!.PlanAsync(input, _request!, ct), _issuer!.Log);
                if (!ShouldProcess(plan.UserPrincipalName, plan.Action) || !ConfirmReplacement(plan))
                {
                    return;
                }

                // Once Graph has created the pass, its value must reach the pipeline whatever happens next, so
                // everything a preference or a host can turn into a stop (the reminder, the request's debug line) is
                // written before the request, and nothing is written between the reply and the pass.
                if (!_reminded)
                {
                    WriteWarning(TapIssuer.DeliveryReminder);
                    _reminded = true;
                }

                _issuer.DescribeRequest(plan);
                WriteEngineLog(_issuer.Log);
                var tap = Run(ct => _issuer.IssueAsync(plan, ct));
                WriteObject(tap);
                WriteEngineLog(_issuer.Log);
            }
            catch (EntraPasskeyException error) when (_connection!.Connection.EndsRun(error))
            {
                // The token cannot be used any more: every later user would fail the same way.
                ThrowEngineError(error, input);
            }
            catch (EntraPasskeyException error)
            {
                WriteEngineError(error, input);
            }
        }

        /// <summary>A host that cannot ask (non-interactive, a job) refuses rather than failing the whole pipeline.</summary>
        private bool ConfirmReplacement(TapPlan plan)
        {
            if (!plan.NeedsConfirmation)
            {
                return true;
            }

            try
            {
                return ShouldContinue(plan.ConfirmationQuery, plan.ConfirmationCaption, ref _yesToAll, ref _noToAll);
            }
            catch (Exception cannotAsk) when (cannotAsk is HostException || cannotAsk is PSInvalidOperationException)
            {
                throw plan.NotConfirmed();
            }
        }
    }
}
