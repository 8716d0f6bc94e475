using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GraphSimulator.Hosting;

/// <summary>
/// Completes on SIGTERM or when the watched parent process is gone; Ctrl+C (SIGINT) too when there is no parent. A
/// simulator with a parent shares its terminal, where Ctrl+C is meant for the parent's command (a sandbox session
/// cancelling a run), so it ignores it and stops with the parent.
/// </summary>
internal static class ShutdownSignal
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task WaitAsync(int? parentPid)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, parentPid is null ? OnSignal : context => context.Cancel = true);
        using var pollStop = new CancellationTokenSource();
        var parentWatch = parentPid is { } pid ? WatchParentAsync(pid, stop, pollStop.Token) : Task.CompletedTask;

        await stop.Task.ConfigureAwait(false);
        await pollStop.CancelAsync().ConfigureAwait(false);
        await parentWatch.ConfigureAwait(false);
    }

    private static async Task WatchParentAsync(int pid, TaskCompletionSource stop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!IsAlive(pid))
            {
                stop.TrySetResult();
                return;
            }

            try
            {
                await Task.Delay(ParentPollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
