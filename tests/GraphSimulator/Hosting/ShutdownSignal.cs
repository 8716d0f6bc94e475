using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GraphSimulator.Hosting;

/// <summary>Completes on SIGTERM, Ctrl+C (SIGINT) or when the watched parent process is gone.</summary>
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
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
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
