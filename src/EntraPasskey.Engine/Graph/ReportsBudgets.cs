using System;
using System.Collections.Concurrent;
using EntraPasskey.Engine.Connection;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// The process's reports budgets, one per Graph endpoint, tenant and app: Graph counts the 5 requests per 10 s per
    /// app and tenant, so two connections to the same app and tenant (a reconnect, a second Connect-EntraPasskey in
    /// another runspace, a borrowed Connect-MgGraph token) and every command on them wait in one queue.
    /// </summary>
    internal static class ReportsBudgets
    {
        private static readonly ConcurrentDictionary<string, ReportsBudget> Shared = new ConcurrentDictionary<string, ReportsBudget>(StringComparer.OrdinalIgnoreCase);
        private static readonly ConcurrentDictionary<string, ReportsBudget> Simulated = new ConcurrentDictionary<string, ReportsBudget>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The budget of the app and tenant <paramref name="context"/> names, on a simulated clock under <see cref="TestHooks.SimulatedReportsClock"/>.</summary>
        public static ReportsBudget For(EntraPasskeyContext context) =>
            TestHooks.SimulatedReportsClock
                ? Simulated.GetOrAdd(Key(context), _ => ReportsBudget.OnSimulatedClock())
                : Shared.GetOrAdd(Key(context), _ => new ReportsBudget());

        /// <summary>An unknown tenant or app (a token without those claims) shares with others that lack them at the same endpoint.</summary>
        private static string Key(EntraPasskeyContext context) =>
            string.Join("|", context.GraphEndpoint.GetLeftPart(UriPartial.Authority) ?? string.Empty, context.TenantId ?? string.Empty, context.ClientId ?? string.Empty);
    }
}
