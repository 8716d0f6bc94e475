using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
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

    [Theory]
    [InlineData("--port abc", "--port must be a whole number")]
    [InlineData("--colour blue", "Unknown argument '--colour'")]
    [InlineData("--tenant", "--tenant needs a value")]
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
