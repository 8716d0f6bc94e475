using System;
using System.Collections.Generic;
using System.Management.Automation;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// The failure report: failed passkey registrations from the directory audit log (or a Log Analytics
    /// workspace), one row per user and reason. Users from the pipeline narrow it; the report runs once at the end.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PasskeyRegistrationFailures", DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(RegistrationFailureSummary))]
    [OutputType(typeof(RegistrationFailureEvent))]
    [OutputType(typeof(string))]
    public sealed class GetPasskeyRegistrationFailuresCommand : EntraPasskeyCommandBase
    {
        private const string DaysSet = "Days";
        private const string WindowSet = "Window";

        private readonly List<string> _users = new List<string>();
        private readonly UserInputs _inputs = new UserInputs();
        private bool _usersGiven;

        /// <summary>The last N days, 1 to 30.</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [ValidateRange(1, RegistrationFailureRequest.MaxDays)]
        public int Days { get; set; } = RegistrationFailureRequest.DefaultDays;

        [Parameter(Mandatory = true, ParameterSetName = WindowSet)]
        public DateTime Since { get; set; }

        [Parameter(ParameterSetName = WindowSet)]
        public DateTime? Until { get; set; }

        /// <summary>Object id or user principal name; narrows the report to these users.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias(UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId)]
        [AllowEmptyString]
        [AllowNull]
        public string[]? UserId { get; set; }

        /// <summary>Only rows (user and reason) with at least this many attempts.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MinimumAttempts { get; set; } = 1;

        /// <summary>One object per failed attempt instead of the grouped report.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>Print the KQL for the Log Analytics AuditLogs table and query nothing.</summary>
        [Parameter]
        public SwitchParameter AsKql { get; set; }

        /// <summary>Run the KQL in this Log Analytics workspace instead of reading Graph.</summary>
        [Parameter]
        public Guid? WorkspaceId { get; set; }

        /// <summary>Another Log Analytics query endpoint than the cloud's (a proxy or the simulator).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? LogAnalyticsEndpoint { get; set; }

        protected override void Process()
        {
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(UserId)))
            {
                return;
            }

            _usersGiven = true;
            foreach (var (input, origin) in _inputs.Take(this, UserId))
            {
                if (UserKey.TryParse(input, origin, out var key, out var error))
                {
                    _users.Add(key);
                }
                else
                {
                    WriteEngineError(error!, input);
                }
            }
        }

        protected override void End()
        {
            if (_usersGiven && _users.Count == 0)
            {
                return;
            }

            // A window or workspace the engine refuses, or no connection, ends the command with the engine's error
            // id (the base class's guard); a failure while reading is written as the report's one error.
            var report = new RegistrationFailureReport(Request());
            if (AsKql)
            {
                WriteObject(report.ToKql(Raw));
                return;
            }

            using var connection = ConnectionResolver.Resolve(this);
            IReadOnlyList<object> output;
            try
            {
                // Verbose notes and warnings (a Free tenant's shorter window) are written as they come, so they
                // come before the report they qualify.
                output = Raw
                    ? Run<IReadOnlyList<object>>(async ct => await report.ListAttemptsAsync(connection.Connection, ct).ConfigureAwait(false), report.Log)
                    : Run<IReadOnlyList<object>>(async ct => await report.SummariseAsync(connection.Connection, ct).ConfigureAwait(false), report.Log);
            }
            catch (EntraPasskeyException error)
            {
                WriteEngineError(error, (object?)WorkspaceId ?? error.Target);
                return;
            }

            WriteObject(output, enumerateCollection: true);
        }

        private RegistrationFailureRequest Request() => new RegistrationFailureRequest
        {
            Days = Days,
            Since = ParameterSetName == WindowSet ? new DateTimeOffset(Since) : (DateTimeOffset?)null,
            Until = Until.HasValue ? new DateTimeOffset(Until.Value) : (DateTimeOffset?)null,
            Users = _users,
            MinimumAttempts = MinimumAttempts,
            WorkspaceId = WorkspaceId,
            LogAnalyticsEndpoint = LogAnalyticsEndpoint,
        };
    }
}
