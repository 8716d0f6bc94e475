using System;

namespace EntraPasskey
{
    /// <summary>For one input user: a diagnosis, or the reason it could not be made. Never both, never neither.</summary>
    /// <typeparam name="TDiagnosis">What the run answers: PasskeyDiagnosis (can they add a passkey) or PasskeySignInDiagnosis (can they sign in with theirs).</typeparam>
    public sealed class DiagnosisResult<TDiagnosis>
        where TDiagnosis : class
    {
        private DiagnosisResult(string input, TDiagnosis? diagnosis, EntraPasskeyException? error)
        {
            Input = input;
            Diagnosis = diagnosis;
            Error = error;
        }

        /// <summary>The input exactly as given (object id or UPN).</summary>
        public string Input { get; }

        public TDiagnosis? Diagnosis { get; }

        public EntraPasskeyException? Error { get; }

        public static DiagnosisResult<TDiagnosis> Diagnosed(string input, TDiagnosis diagnosis) =>
            new DiagnosisResult<TDiagnosis>(input, diagnosis ?? throw new ArgumentNullException(nameof(diagnosis)), null);

        public static DiagnosisResult<TDiagnosis> Failed(string input, EntraPasskeyException error) =>
            new DiagnosisResult<TDiagnosis>(input, null, error ?? throw new ArgumentNullException(nameof(error)));
    }
}
