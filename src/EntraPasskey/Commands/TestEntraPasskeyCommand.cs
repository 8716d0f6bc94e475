using System;
using System.Management.Automation;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Diagnoses why users cannot add a passkey: one verdict (or one error) per input user, in input order.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EntraPasskey")]
    [OutputType(typeof(PasskeyDiagnosis))]
    [OutputType(typeof(bool))]
    public sealed class TestEntraPasskeyCommand : EntraPasskeyCommandBase
    {
        private DiagnosisRun? _run;

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

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                _run = DiagnosisRun.Start(this, new AttemptHints(Aaguid, Platform, PlatformVersion, Browser), Quiet.IsPresent);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var user in UserId ?? new string?[] { null })
            {
                _run!.Submit(user ?? string.Empty);
            }

            _run!.WriteReady();
        }

        protected override void EndProcessing() => _run?.Finish();

        protected override void ReleaseResources()
        {
            _run?.Dispose();
            _run = null;
        }
    }
}
