using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>A generated tenant served in-process, a connection to it, and its users in the simulator's order.</summary>
    internal static class PlannerHarness
    {
        public static readonly string[] Roles =
        {
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All", "AuditLog.Read.All",
        };

        /// <summary>About ten sign-ins per user a day: the hour Test-EntraPasskey reads of a 200-user tenant is some 80 sign-ins, a few pages at small page sizes.</summary>
        public const double SignInsPerDay = 10;

        /// <param name="clock">The simulator's clock; null for the system clock.</param>
        /// <param name="signInsPerDay">Interactive sign-ins per user per day in the generated tenant.</param>
        public static Task<SimulatorHost> StartAsync(int users, ThrottlingOptions? throttling = null, int latencyMs = 0, int jitterMs = 0, int seed = 42, TimeProvider? clock = null, double signInsPerDay = SignInsPerDay) =>
            SimulatorHost.StartAsync(new SimulatorOptions
            {
                Generate = new GenerationOptions { Users = users, Seed = seed, SignInsPerUserPerDay = signInsPerDay },
                Throttling = throttling,
                LatencyMs = latencyMs,
                JitterMs = jitterMs,
                Seed = seed,
                TimeProvider = clock,
            });

        /// <param name="reports">The connection's reports budget; null for one on a simulated clock of its own.</param>
        public static Task<EntraPasskeyConnection> ConnectAsync(SimulatorHost host, ReportsBudget? reports = null) =>
            TestTokens.ConnectAsync(host.IssueToken(Roles), host.GraphBaseUri, reports);

        /// <summary>Every user's id, read from GET /users as a script would list them (not logged as part of a diagnosis).</summary>
        public static async Task<IReadOnlyList<string>> UserIdsAsync(SimulatorHost host)
        {
            using var http = new HttpClient { BaseAddress = host.GraphBaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.IssueToken(Roles));
            var ids = new List<string>();
            string? next = "/v1.0/users?$select=id&$top=999";
            while (next != null)
            {
                var page = JsonNode.Parse(await http.GetStringAsync(next))!;
                ids.AddRange(page["value"]!.AsArray().Select(u => (string)u!["id"]!));
                next = (string?)page["@odata.nextLink"];
            }

            host.ClearRequests();
            host.ResetStats();
            return ids;
        }

        /// <summary>Everything a verdict says, so two runs compare exactly.</summary>
        public static string Signature(PasskeyDiagnosis diagnosis) =>
            $"{diagnosis.Verdict}|{diagnosis.BlockingLayer}|{diagnosis.ReasonCode}|" +
            string.Join(",", diagnosis.Findings.Select(f => $"{f.Layer}:{f.Status}:{f.ReasonCode}"));
    }
}
