using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphSimulator.Hosting;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>The program as other tests (Pester, the benchmark) start it: a child process that prints one ready line.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ready_line_and_ready_file_describe_a_working_simulator()
    {
        var readyFile = Path.Combine(Path.GetTempPath(), $"graphsim-ready-{Guid.NewGuid():N}.json");
        using var process = Start($"--tenant \"{Contoso.FilePath}\" --port 0 --latency-ms 0 --jitter-ms 0 --parent-pid {Environment.ProcessId} --ready-file \"{readyFile}\"");
        string? certificate = null;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);

            Assert.StartsWith("SIMULATOR READY {", line, StringComparison.Ordinal);
            var json = line!["SIMULATOR READY ".Length..];
            var ready = JsonNode.Parse(json)!;
            Assert.Equal(json, await File.ReadAllTextAsync(readyFile));
            Assert.Equal(Contoso.TenantId, ready["tenantId"]!.GetValue<string>());
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", ready["graph"]!.GetValue<string>());
            Assert.Matches(@"^https://127\.0\.0\.1:\d+/$", ready["authority"]!.GetValue<string>());
            certificate = ready["certificate"]!.GetValue<string>();
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(certificate), StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri(ready["graph"]!.GetValue<string>()) };
            var tokenResponse = await http.PostAsync("/_sim/token", new StringContent("""{"roles":["Organization.Read.All"]}""", Encoding.UTF8, "application/json"));
            var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/organization");
            request.Headers.Authorization = new("Bearer", token);
            var organization = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, organization.StatusCode);
            Assert.False(process.HasExited);

            if (!OperatingSystem.IsWindows())
            {
                using var term = Process.Start("kill", $"-TERM {process.Id}");
                await process.WaitForExitAsync().WaitAsync(Patience);
                Assert.Equal(0, process.ExitCode);
                Assert.False(File.Exists(certificate), "SIGTERM should remove the certificate folder.");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            File.Delete(readyFile);
        }
    }

    [Fact]
    public async Task Exits_when_the_parent_process_is_gone()
    {
        using var parent = Process.Start(new ProcessStartInfo(DotnetHost, "--version") { RedirectStandardOutput = true })!;
        await parent.WaitForExitAsync();

        using var process = Start($"--parent-pid {parent.Id}");
        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task With_a_parent_ctrl_c_is_the_parents_and_the_simulator_keeps_serving()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var process = Start($"--parent-pid {Environment.ProcessId}");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            var graph = JsonNode.Parse(line!["SIMULATOR READY ".Length..])!["graph"]!.GetValue<string>();

            using (var interrupt = Process.Start("kill", $"-INT {process.Id}")!)
            {
                await interrupt.WaitForExitAsync();
            }

            // A SIGINT that stopped it would have it gone well within this wait.
            await Assert.ThrowsAsync<TimeoutException>(() => process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(2)));
            using var http = new HttpClient { BaseAddress = new Uri(graph) };
            var token = await http.PostAsync("/_sim/token", new StringContent("""{"roles":["Organization.Read.All"]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task Without_a_parent_ctrl_c_stops_the_simulator()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var process = Start("--port 0");
        try
        {
            await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            using (var interrupt = Process.Start("kill", $"-INT {process.Id}")!)
            {
                await interrupt.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(Patience);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    [Theory]
    [InlineData("--port abc", "--port must be a whole number")]
    [InlineData("--colour blue", "Unknown argument '--colour'")]
    [InlineData("--tenant", "--tenant needs a value")]
    [InlineData("--throttling maybe", "--throttling must be on or off")]
    [InlineData("--faults 500=0.1", "unknown kind '500'")]
    [InlineData("generate --users 10", "generate needs --out FILE")]
    [InlineData("--generate 10 --signins-per-day -1", "--signins-per-day must be a number between 0 and 1000")]
    [InlineData("--generate 10 --mfa-share 1.5", "--mfa-share must be a number between 0 and 1")]
    public async Task Bad_arguments_exit_2_with_usage(string arguments, string message)
    {
        using var process = Start(arguments);
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(Patience);
        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("usage: GraphSimulator", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Throttling_faults_seed_and_generation_flags_reach_the_options()
    {
        var options = CommandLine.Parse(
        [
            "--generate", "2500", "--seed", "7", "--throttling", "on", "--resource-units", "900",
            "--faults", "503=0.01,504=0.02,reset=0.005,slow=0.03,429=0.04,drop=0.05", "--slow-ms", "1500", "--latency-ms", "50", "--jitter-ms", "20",
        ]).Options;

        Assert.Equal((2500, 7), (options.Generate!.Users, options.Generate.Seed));
        Assert.Equal(7, options.Seed);
        Assert.Equal((true, 900), (options.Throttling!.Enabled, options.Throttling.ResourceUnitsPer10Seconds));
        Assert.Equal((0.01, 0.02, 0.005, 0.03, 1500), (options.Faults!.ServiceUnavailableRate, options.Faults.GatewayTimeoutRate,
            options.Faults.ConnectionResetRate, options.Faults.SlowResponseRate, options.Faults.SlowResponseMs));
        Assert.Equal((0.04, 0.05), (options.Faults.ThrottledRate, options.Faults.DroppedItemRate));
        Assert.Equal((50, 20), (options.LatencyMs, options.JitterMs));
        Assert.False(CommandLine.Parse([]).Options.Throttling!.Enabled);
        Assert.Null(CommandLine.Parse([]).Options.Faults);
    }

    [Fact]
    public void The_sign_in_volume_reaches_the_generator_and_defaults_to_eight_a_day_one_with_mfa()
    {
        var set = CommandLine.Parse(["--generate", "100", "--signins-per-day", "0.4", "--mfa-share", "0.5", "--signin-days", "2"]).Options.Generate!;
        var byDefault = CommandLine.Parse(["--generate", "100"]).Options.Generate!;

        Assert.Equal((0.4, 0.5, 2), (set.SignInsPerUserPerDay, set.MfaShare, set.SignInDays));
        Assert.Equal((8.0, 0.125, 1), (byDefault.SignInsPerUserPerDay, byDefault.MfaShare, byDefault.SignInDays));
    }

    [Fact]
    public async Task Generate_writes_a_tenant_file_the_simulator_serves()
    {
        var file = Path.Combine(Path.GetTempPath(), $"generated-{Guid.NewGuid():N}.json");
        try
        {
            using var process = Start($"generate --users 40 --seed 5 --out \"{file}\"");
            await process.WaitForExitAsync().WaitAsync(Patience);

            Assert.Equal(0, process.ExitCode);
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { TenantPath = file, FixedNow = Contoso.Now });
            using var http = new GraphHttp(host, host.IssueToken(["User.Read.All"]));
            var users = await http.GetAsync("/v1.0/users?$top=999");
            var expected = Generation.TenantGenerator.Generate(new GenerationOptions { Users = 40, Seed = 5 }).Document["users"]!.AsArray();
            Assert.Equal(expected.Select(u => u!["id"]!.GetValue<string>()), users.Ids);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Missing_tenant_file_exits_1()
    {
        using var process = Start("--tenant /nonexistent/tenant.json");
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(Patience);
        await process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("could not start", error, StringComparison.Ordinal);
    }

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    private static Process Start(string arguments)
    {
        var simulator = Path.Combine(AppContext.BaseDirectory, "GraphSimulator.dll");
        return Process.Start(new ProcessStartInfo(DotnetHost, $"\"{simulator}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
    }
}
