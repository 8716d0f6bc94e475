using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// What every EntraPasskey cmdlet shares: a cancellation source tied to Ctrl+C, a way to run engine work off the
    /// pipeline thread and come back with its result, and the mapping of engine errors to ErrorRecords.
    /// </summary>
    public abstract class EntraPasskeyCommandBase : PSCmdlet, IDisposable
    {
        /// <summary>How often a wait wakes to write queued engine messages; it ends as soon as the work does.</summary>
        private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(100);

        private CancellationTokenSource? _cancellation;

        /// <summary>The failures this command has already written in full (<see cref="WriteEngineError"/>).</summary>
        private HashSet<string>? _reported;

        internal CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

        public void Dispose()
        {
            ReleaseResources();
            _cancellation?.Dispose();
            _cancellation = null;
        }

        protected sealed override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            while (ImportWarnings.TryTake(out var warning))
            {
                WriteWarning(warning);
            }

            Guard(Begin);
        }

        protected sealed override void ProcessRecord() => Guard(Process);

        protected sealed override void EndProcessing() => Guard(End);

        protected override void StopProcessing() => _cancellation?.Cancel();

        /// <summary>The command's BeginProcessing, inside the error guard.</summary>
        protected virtual void Begin()
        {
        }

        /// <summary>The command's ProcessRecord, inside the error guard.</summary>
        protected virtual void Process()
        {
        }

        /// <summary>The command's EndProcessing, inside the error guard.</summary>
        protected virtual void End()
        {
        }

        /// <summary>Releases what a command holds (a diagnosis run, ...); runs even when the pipeline is stopped.</summary>
        protected virtual void ReleaseResources()
        {
        }

        /// <summary>
        /// Runs engine work on the thread pool (no SynchronizationContext to deadlock on) and waits for it on the
        /// pipeline thread, writing the messages the engine queues in <paramref name="log"/> as they come, so a long
        /// call shows its verbose notes and warnings while it runs, and all of them before its result. Ctrl+C turns
        /// into a stopped pipeline, never an error record.
        /// </summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> operation, EngineLog? log = null) =>
            Run(operation, log == null ? (Action?)null : () => WriteEngineLog(log));

        /// <summary>The same runner, calling <paramref name="whileWaiting"/> on the pipeline thread instead.</summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> operation, Action? whileWaiting)
        {
            var token = Cancellation;
            var task = Task.Run(() => operation(token), token);
            // Ctrl+C stops the wait at once; the engine sees the same token and unwinds on its own, and a credential
            // waiting on a browser may never look at it.
            Pump(interval => Task.WaitAny(new Task[] { task }, (int)interval.TotalMilliseconds, token) >= 0, whileWaiting);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// The one wait loop of every command: calls <paramref name="waitOnce"/> (which waits at most the interval it
        /// is given and says whether the wait is over) until it says so, and <paramref name="whileWaiting"/> on the
        /// pipeline thread after each round and once at the end. Ctrl+C during a wait becomes a stopped pipeline.
        /// </summary>
        internal void Pump(Func<TimeSpan, bool> waitOnce, Action? whileWaiting)
        {
            var token = Cancellation;
            try
            {
                while (!waitOnce(PumpInterval))
                {
                    whileWaiting?.Invoke();
                }

                whileWaiting?.Invoke();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Runs a step of the command so that nothing leaves it as a bare .NET exception with an id made of its type
        /// name: an engine error the command did not handle, or anything unexpected, ends the command with a stable
        /// error id (the engine's, or <see cref="ErrorRecords.UnexpectedErrorId"/>). PowerShell's own exceptions (a
        /// stopped pipeline, -ErrorAction Stop, a downstream command's error) and Ctrl+C pass through.
        /// </summary>
        private void Guard(Action step)
        {
            try
            {
                step();
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
            }
            catch (Exception unexpected) when (!(unexpected is RuntimeException) && !(unexpected is OperationCanceledException && Cancellation.IsCancellationRequested))
            {
                ThrowTerminatingError(ErrorRecords.Unexpected(unexpected, MyInvocation.MyCommand?.Name ?? GetType().Name));
            }
        }

        /// <summary>Writes what the engine has queued so far, on the pipeline thread (the only thread that may write).</summary>
        internal void WriteEngineLog(EngineLog log)
        {
            while (log.TryTake(out var message))
            {
                WriteEngineMessage(message);
            }
        }

        /// <summary>
        /// Writes a non-terminating error. A failure every user meets alike (<see cref="EntraPasskeyException.Brief"/>)
        /// is written in full the first time and briefly after, so a missing permission is said once, not per user.
        /// </summary>
        internal void WriteEngineError(EntraPasskeyException error, object? target)
        {
            var repeated = error.Brief != null && !(_reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(error.ErrorId + "\n" + error.Brief);
            WriteError(ErrorRecords.From(repeated ? error.Repeated() : error, target));
        }

        internal void ThrowEngineError(EntraPasskeyException error, object? target) => ThrowTerminatingError(ErrorRecords.From(error, target));

        private void WriteEngineMessage(EngineMessage message)
        {
            switch (message.Kind)
            {
                case EngineMessageKind.Warning: WriteWarning(message.Text); break;
                case EngineMessageKind.Debug: WriteDebug(message.Text); break;
                default: WriteVerbose(message.Text); break;
            }
        }
    }
}
