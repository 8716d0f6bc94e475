using EntraPasskey.Engine.Design.Report;

namespace EntraPasskey.Internal
{
    /// <summary>Test-PasskeyPolicyDesign's count of the verdicts piped in for the report's chart (engine types stay in here).</summary>
    internal sealed class DesignReportVerdicts
    {
        public VerdictTally Tally { get; } = new VerdictTally();

        public void Add(PasskeyDiagnosis diagnosis) => Tally.Add(diagnosis);
    }
}
