using System;
using System.Management.Automation;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Diagnoses why users cannot add a passkey: one verdict (or one error) per input user, in input order.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EntraPasskey")]
    [OutputType(typeof(PasskeyDiagnosis))]
    [OutputType(typeof(bool))]
    public sealed class TestEntraPasskeyCommand : EntraPasskeyCommandBase
    {
        private readonly UserInputs _inputs = new UserInputs();
        private DiagnosisPipeline<PasskeyDiagnosis>? _pipeline;

        /// <summary>Object id or user principal name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias(UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId)]
        [AllowEmptyString]
        [AllowNull]
        public string[]? UserId { get; set; }

        /// <summary>AAGUID of the authenticator the user tried to register.</summary>
        [Parameter]
        public Guid? Aaguid { get; set; }

        [Parameter]
        [ValidateSet("Windows", "macOS", "iOS", "Android", "Linux", "ChromeOS")]
        public string? Platform { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PlatformVersion { get; set; }

        [Parameter]
        [ValidateSet("Edge", "Chrome", "Firefox", "Safari", "Other")]
        public string? Browser { get; set; }

        /// <summary>Return $true or $false (ready or not) instead of the diagnosis.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void Begin()
        {
            try
            {
                var hints = new AttemptHints(Aaguid, Platform, PlatformVersion, Browser);
                var quiet = Quiet.IsPresent;
                _pipeline = DiagnosisPipeline<PasskeyDiagnosis>.Start(
                    this,
                    (connection, cancellation) => DiagnosisSession.ForRegistration(connection, hints, null, cancellation),
                    (diagnosis, lone) => quiet ? diagnosis.Verdict == Verdict.Ready : DiagnosisPipeline<PasskeyDiagnosis>.Detailed(diagnosis, lone));
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
            }
        }

        protected override void Process()
        {
            if (!MyInvocation.ExpectingInput)
            {
                _pipeline!.ExpectTotal(UserId?.Length ?? 1);
            }

            foreach (var (input, origin) in _inputs.Take(this, UserId))
            {
                _pipeline!.Submit(input, origin);
            }

            _pipeline!.WriteReady();
        }

        protected override void End() => _pipeline?.Finish();

        protected override void ReleaseResources()
        {
            _pipeline?.Dispose();
            _pipeline = null;
        }
    }
}
