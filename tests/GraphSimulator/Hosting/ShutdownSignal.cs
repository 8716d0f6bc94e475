using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GraphSimulator.Hosting;

/// <summary>
/// Completes on SIGTERM or when the watched parent process is gone; Ctrl+C (SIGINT) too when there is no parent. A
/// simulator with a parent shares its terminal, where Ctrl+C is meant for the parent's command (a sandbox session
/// cancelling a run), so it ignores it and stops with the parent. The handlers are in place from <see cref="Listen"/>,
/// so a caller that listens before it says it is ready never loses a signal sent the moment it reads that line.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);

    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _pollStop = new();
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _interrupt;
    private readonly Task _parentWatch;

    private ShutdownSignal(int? parentPid)
    {
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, parentPid is null ? OnSignal : context => context.Cancel = true);
        _parentWatch = parentPid is { } pid ? WatchParentAsync(pid, _pollStop.Token) : Task.CompletedTask;
    }

    public static ShutdownSignal Listen(int? parentPid) => new(parentPid);

    public async Task WaitAsync()
    {
        await _stop.Task.ConfigureAwait(false);
        await _pollStop.CancelAsync().ConfigureAwait(false);
        await _parentWatch.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _term.Dispose();
        _interrupt.Dispose();
        _pollStop.Cancel();
        _pollStop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.TrySetResult();
    }

    private async Task WatchParentAsync(int pid, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!IsAlive(pid))
            {
                _stop.TrySetResult();
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
