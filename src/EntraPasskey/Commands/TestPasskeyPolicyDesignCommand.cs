using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Report;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// Audits the tenant against the passkey prevention design: one finding per departure (and per check that could
    /// not be judged), with affected users and the fix; -OutputPath also writes a self-contained HTML report, with a
    /// chart of any Test-EntraPasskey verdicts piped in.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PasskeyPolicyDesign")]
    [OutputType(typeof(PolicyDesignFinding))]
    public sealed class TestPasskeyPolicyDesignCommand : EntraPasskeyCommandBase
    {
        private readonly DesignReportVerdicts _verdicts = new DesignReportVerdicts();

        /// <summary>Test-EntraPasskey verdicts to chart in the report, from the pipeline or by name.</summary>
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PasskeyDiagnosis[]? Diagnosis { get; set; }

        /// <summary>Write the HTML report to this file (created or replaced).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        /// <summary>Also write the checks the tenant meets (Status Pass).</summary>
        [Parameter]
        public SwitchParameter IncludePassed { get; set; }

        protected override void Process()
        {
            foreach (var diagnosis in Diagnosis ?? Array.Empty<PasskeyDiagnosis>())
            {
                if (diagnosis != null)
                {
                    _verdicts.Add(diagnosis);
                }
            }
        }

        protected override void End()
        {
            var path = OutputPath == null ? null : GetUnresolvedProviderPathFromPSPath(OutputPath);
            if (path != null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            {
                ThrowEngineError(new EntraPasskeyException(
                    "OutputPathInvalid", ErrorKind.InvalidArgument,
                    $"The folder of -OutputPath '{OutputPath}' does not exist.",
                    "Pass a file path in an existing folder, for example .\\passkey-design.html.", OutputPath), OutputPath);
                return;
            }

            if (path == null && _verdicts.Tally.Total > 0)
            {
                WriteWarning("Verdicts only feed the HTML report's chart; add -OutputPath to write it.");
            }

            ResolvedConnection connection;
            try
            {
                connection = ConnectionResolver.Resolve(this);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
                return;
            }

            using (connection)
            {
                var audit = new PolicyDesignAudit();
                PolicyDesignReport report;
                try
                {
                    report = Run(ct => audit.RunAsync(connection.Connection, ct), audit.Log);
                }
                catch (EntraPasskeyException error)
                {
                    WriteEngineError(error, error.Target);
                    return;
                }

                WriteObject(report.Findings.Where(f => IncludePassed || f.Status != FindingStatus.Pass), enumerateCollection: true);
                if (path != null)
                {
                    var version = MyInvocation.MyCommand.Module?.Version?.ToString() ?? "dev";
                    try
                    {
                        File.WriteAllText(path, HtmlReport.Render(report, _verdicts.Tally, version), new UTF8Encoding(false));
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        WriteEngineError(new EntraPasskeyException(
                            "OutputPathUnwritable", ErrorKind.InvalidArgument,
                            $"Could not write the report to '{OutputPath}': {ex.Message}",
                            "Pass a path you can write to, and close the file if another program has it open.", OutputPath), OutputPath);
                        return;
                    }

                    WriteVerbose($"Wrote the report to {path}.");
                }
            }
        }
    }
}
