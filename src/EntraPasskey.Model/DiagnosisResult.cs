using System;

namespace EntraPasskey
{
    /// <summary>For one input user: a diagnosis, or the reason it could not be made. Never both, never neither.</summary>
    public sealed class DiagnosisResult
    {
        private DiagnosisResult(string input, PasskeyDiagnosis? diagnosis, EntraPasskeyException? error)
        {
            Input = input;
            Diagnosis = diagnosis;
            Error = error;
        }

        /// <summary>The input exactly as given (object id or UPN).</summary>
        public string Input { get; }

        public PasskeyDiagnosis? Diagnosis { get; }

        public EntraPasskeyException? Error { get; }

        public static DiagnosisResult Diagnosed(string input, PasskeyDiagnosis diagnosis) =>
            new DiagnosisResult(input, diagnosis ?? throw new ArgumentNullException(nameof(diagnosis)), null);

        public static DiagnosisResult Failed(string input, EntraPasskeyException error) =>
            new DiagnosisResult(input, null, error ?? throw new ArgumentNullException(nameof(error)));
    }
}
