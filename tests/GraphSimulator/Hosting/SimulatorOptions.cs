using System;
using System.Text.Json.Nodes;

namespace GraphSimulator;

/// <summary>How a <see cref="SimulatorHost"/> starts: which tenant, which ports, how slow, which clock.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Path of the tenant JSON file (see README.md). Ignored when <see cref="Tenant"/> is set.</summary>
    public string? TenantPath { get; init; }

    /// <summary>An already parsed tenant; the host works on its own deep copy.</summary>
    public JsonObject? Tenant { get; init; }

    /// <summary>Graph (http) port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Token endpoint (https) port on 127.0.0.1; 0 picks a free port.</summary>
    public int AuthorityPort { get; init; }

    /// <summary>Fixed delay added to every top-level Graph request (not per $batch item).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Uniform random extra delay in [0, JitterMs] added to the fixed latency.</summary>
    public int JitterMs { get; init; }

    /// <summary>Graph's throttling budgets; null or not enabled = calls are priced and logged but never refused.</summary>
    public ThrottlingOptions? Throttling { get; init; }

    /// <summary>Injected faults (503, 504, resets, slow responses); null = none.</summary>
    public FaultOptions? Faults { get; init; }

    /// <summary>Seeds the latency jitter and the fault rolls, so a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>Serve a synthetic tenant built in memory instead of <see cref="TenantPath"/> / <see cref="Tenant"/>.</summary>
    public GenerationOptions? Generate { get; init; }

    /// <summary>
    /// Lifetime of the tokens the token endpoint issues (default one hour). Under five minutes, MSAL treats a cached
    /// token as due for renewal, so a client credential asks for a new one on every call.
    /// </summary>
    public TimeSpan? TokenLifetime { get; init; }

    /// <summary>Freeze the simulator's clock at this instant (relative tenant times, TAP usability, token lifetimes).</summary>
    public DateTimeOffset? FixedNow { get; init; }

    /// <summary>A clock of the caller's choosing; <see cref="FixedNow"/> wins when both are set.</summary>
    public TimeProvider? TimeProvider { get; init; }

    internal TimeProvider ResolveClock() =>
        FixedNow is { } now ? new FixedTimeProvider(now) : TimeProvider ?? TimeProvider.System;

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
