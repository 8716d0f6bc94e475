using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace GraphSimulator.Hosting;

/// <summary>
/// The command-line contract:
/// <c>GraphSimulator [--tenant FILE | --generate N [--signins-per-day K] [--mfa-share F] [--signin-days D]] [--seed N] [--port N] [--authority-port N] [--latency-ms N]
/// [--jitter-ms N] [--throttling on|off] [--resource-units N] [--faults LIST] [--slow-ms N] [--parent-pid PID]
/// [--ready-file PATH]</c>. Without --tenant or --generate the bundled tenants/contoso.json beside the assembly is served.
/// </summary>
internal sealed record CommandLine(SimulatorOptions Options, int? ParentPid, string? ReadyFile)
{
    public const string Usage =
        "usage: GraphSimulator [--tenant FILE | --generate USERS [--signins-per-day K] [--mfa-share F] [--signin-days D]] [--seed N] [--port N] [--authority-port N] " +
        "[--latency-ms N] [--jitter-ms N] [--throttling on|off] [--resource-units N] " +
        "[--faults KIND=R,...] [--slow-ms N] [--parent-pid PID] [--ready-file PATH]\n" +
        "       GraphSimulator generate --users N [--seed N] [--signins-per-day K] [--mfa-share F] [--signin-days D] --out FILE";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message naming the bad argument.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string tenant = Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json");
        int port = 0, authorityPort = 0, latency = 0, jitter = 0, seed = 42, slowMs = 3_000;
        int? parentPid = null, generate = null, resourceUnits = null;
        string? readyFile = null, faults = null;
        var throttling = false;
        var signIns = new SignInVolume();

        foreach (var (name, value) in Pairs(args))
        {
            if (signIns.TryParse(name, value))
            {
                continue;
            }

            switch (name)
            {
                case "--tenant": tenant = value; break;
                case "--generate": generate = ParseInt(name, value, 1, 10_000_000); break;
                case "--seed": seed = ParseInt(name, value, 0, int.MaxValue); break;
                case "--port": port = ParseInt(name, value, 0, 65535); break;
                case "--authority-port": authorityPort = ParseInt(name, value, 0, 65535); break;
                case "--latency-ms": latency = ParseInt(name, value, 0, 600_000); break;
                case "--jitter-ms": jitter = ParseInt(name, value, 0, 600_000); break;
                case "--throttling": throttling = ParseSwitch(name, value); break;
                case "--resource-units": resourceUnits = ParseInt(name, value, 1, 10_000_000); break;
                case "--faults": faults = value; break;
                case "--slow-ms": slowMs = ParseInt(name, value, 0, 600_000); break;
                case "--parent-pid": parentPid = ParseInt(name, value, 1, int.MaxValue); break;
                case "--ready-file": readyFile = value; break;
                default: throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        var options = new SimulatorOptions
        {
            TenantPath = tenant,
            Generate = generate is { } users ? signIns.Options(users, seed) : null,
            Seed = seed,
            Port = port,
            AuthorityPort = authorityPort,
            LatencyMs = latency,
            JitterMs = jitter,
            Throttling = new ThrottlingOptions { Enabled = throttling, ResourceUnitsPer10Seconds = resourceUnits },
            Faults = faults is null ? null : FaultOptions.Parse(faults, slowMs),
        };
        return new CommandLine(options, parentPid, readyFile);
    }

    /// <summary>The <c>generate</c> verb: writes a synthetic tenant file (relative times kept, so it stays valid).</summary>
    public static (GenerationOptions Options, string OutPath) ParseGenerate(IReadOnlyList<string> args)
    {
        int? users = null;
        var seed = 42;
        var signIns = new SignInVolume();
        string? output = null;
        foreach (var (name, value) in Pairs(args))
        {
            if (signIns.TryParse(name, value))
            {
                continue;
            }

            switch (name)
            {
                case "--users": users = ParseInt(name, value, 1, 10_000_000); break;
                case "--seed": seed = ParseInt(name, value, 0, int.MaxValue); break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"Unknown argument '{name}' for generate.");
            }
        }

        return (
            signIns.Options(users ?? throw new ArgumentException("generate needs --users N."), seed),
            output ?? throw new ArgumentException("generate needs --out FILE."));
    }

    private static IEnumerable<(string Name, string Value)> Pairs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{args[i]} needs a value.");
            }

            yield return (args[i], args[i + 1]);
        }
    }

    private static bool ParseSwitch(string name, string value) => value.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{name} must be on or off, not '{value}'."),
    };

    private static double ParseNumber(string name, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new ArgumentException($"{name} must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'.");
        }

        return number;
    }

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw new ArgumentException($"{name} must be a whole number between {min} and {max}, not '{value}'.");
        }

        return number;
    }

    /// <summary>The generator's sign-in volume arguments, shared by serving a generated tenant and writing one.</summary>
    private sealed class SignInVolume
    {
        private readonly GenerationOptions _defaults = new();
        private double? _perDay;
        private double? _mfaShare;
        private int? _days;

        public bool TryParse(string name, string value)
        {
            switch (name)
            {
                case "--signins-per-day": _perDay = ParseNumber(name, value, 0, 1_000); return true;
                case "--mfa-share": _mfaShare = ParseNumber(name, value, 0, 1); return true;
                case "--signin-days": _days = ParseInt(name, value, 1, 30); return true;
                default: return false;
            }
        }

        public GenerationOptions Options(int users, int seed) => new()
        {
            Users = users,
            Seed = seed,
            SignInsPerUserPerDay = _perDay ?? _defaults.SignInsPerUserPerDay,
            MfaShare = _mfaShare ?? _defaults.MfaShare,
            SignInDays = _days ?? _defaults.SignInDays,
        };
    }
}
