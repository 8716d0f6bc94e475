using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>What Get-PasskeyRegistrationFailures asks for.</summary>
    public sealed class RegistrationFailureRequest
    {
        /// <summary>The window when none is given: a week, which every tenant's audit log keeps (Free tenants keep 7 days).</summary>
        public const int DefaultDays = 7;

        /// <summary>The last N days (1 to 30); ignored when <see cref="Since"/> is set.</summary>
        public int Days { get; set; } = DefaultDays;

        public DateTimeOffset? Since { get; set; }

        /// <summary>End of an explicit window; now when null.</summary>
        public DateTimeOffset? Until { get; set; }

        private IReadOnlyList<string> _users = Array.Empty<string>();

        /// <summary>The longest window: P1/P2 tenants keep 30 days of audit events.</summary>
        public const int MaxDays = ReportWindow.MaxDays;

        /// <summary>
        /// Validated object ids or user principal names, each once whatever its case (the pipeline may repeat a user);
        /// empty means every user.
        /// </summary>
        public IReadOnlyList<string> Users
        {
            get => _users;
            set => _users = value.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        public int MinimumAttempts { get; set; } = 1;

        /// <summary>Query a Log Analytics workspace instead of Graph.</summary>
        public Guid? WorkspaceId { get; set; }

        /// <summary>Another Log Analytics query endpoint than the cloud's (a proxy, the simulator).</summary>
        public Uri? LogAnalyticsEndpoint { get; set; }

        /// <summary>$top of each audit page (Graph documents no maximum; 500 is what common tools use).</summary>
        internal int PageSize { get; set; } = 500;

        internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
