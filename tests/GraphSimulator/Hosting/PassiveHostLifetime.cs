using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace GraphSimulator.Hosting;

/// <summary>
/// Replaces the console lifetime: an in-process host must not grab Ctrl+C or SIGTERM from its test runner.
/// The command-line program watches signals itself (<see cref="ShutdownSignal"/>).
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
