using System.Management.Automation;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// Whether users can sign in with the passkeys they have registered: one verdict (or one error) per input user, in
    /// input order, with each passkey's own finding.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "EntraPasskeySignIn")]
    [OutputType(typeof(PasskeySignInDiagnosis))]
    public sealed class TestEntraPasskeySignInCommand : EntraPasskeyCommandBase
    {
        private readonly UserInputs _inputs = new UserInputs();
        private DiagnosisPipeline<PasskeySignInDiagnosis>? _pipeline;

        /// <summary>Object id or user principal name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias(UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId)]
        [AllowEmptyString]
        [AllowNull]
        public string[]? UserId { get; set; }

        protected override void Begin()
        {
            try
            {
                _pipeline = DiagnosisPipeline<PasskeySignInDiagnosis>.Start(
                    this,
                    (connection, cancellation) => DiagnosisSession.ForSignIn(connection, null, cancellation),
                    DiagnosisPipeline<PasskeySignInDiagnosis>.Detailed);
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
