using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace GraphSimulator.Hosting;

/// <summary>
/// The command-line contract:
/// <c>GraphSimulator --tenant FILE [--port N] [--authority-port N] [--latency-ms N] [--jitter-ms N] [--parent-pid PID] [--ready-file PATH]</c>.
/// Without --tenant the bundled tenants/contoso.json beside the assembly is served.
/// </summary>
internal sealed record CommandLine(SimulatorOptions Options, int? ParentPid, string? ReadyFile)
{
    public const string Usage =
        "usage: GraphSimulator [--tenant FILE] [--port N] [--authority-port N] [--latency-ms N] [--jitter-ms N] " +
        "[--parent-pid PID] [--ready-file PATH]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message naming the bad argument.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string tenant = Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json");
        int port = 0, authorityPort = 0, latency = 0, jitter = 0;
        int? parentPid = null;
        string? readyFile = null;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--tenant": tenant = value; break;
                case "--port": port = ParseInt(name, value, 0, 65535); break;
                case "--authority-port": authorityPort = ParseInt(name, value, 0, 65535); break;
                case "--latency-ms": latency = ParseInt(name, value, 0, 600_000); break;
                case "--jitter-ms": jitter = ParseInt(name, value, 0, 600_000); break;
                case "--parent-pid": parentPid = ParseInt(name, value, 1, int.MaxValue); break;
                case "--ready-file": readyFile = value; break;
                default: throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        var options = new SimulatorOptions
        {
            TenantPath = tenant,
            Port = port,
            AuthorityPort = authorityPort,
            LatencyMs = latency,
            JitterMs = jitter,
        };
        return new CommandLine(options, parentPid, readyFile);
    }

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new ArgumentException($"{name} must be a whole number between {min} and {max}, not '{value}'.");
        }

        return number;
    }
}
