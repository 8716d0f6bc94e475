using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// What every EntraPasskey cmdlet shares: a cancellation source tied to Ctrl+C, a way to run engine work off the
    /// pipeline thread and come back with its result, and the mapping of engine errors to ErrorRecords.
    /// </summary>
    public abstract class EntraPasskeyCommandBase : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cancellation;

        internal CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

        public void Dispose()
        {
            ReleaseResources();
            _cancellation?.Dispose();
            _cancellation = null;
        }

        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            while (ImportWarnings.TryTake(out var warning))
            {
                WriteWarning(warning);
            }
        }

        protected override void StopProcessing() => _cancellation?.Cancel();

        /// <summary>Releases what a command holds (a diagnosis run, ...); runs even when the pipeline is stopped.</summary>
        protected virtual void ReleaseResources()
        {
        }

        /// <summary>
        /// Runs engine work on the thread pool (no SynchronizationContext to deadlock on) and waits for it. Ctrl+C
        /// turns into a stopped pipeline, never an error record.
        /// </summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            var token = Cancellation;
            try
            {
                return Task.Run(() => operation(token), token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal void WriteEngineError(EntraPasskeyException error, object? target) => WriteError(ErrorRecords.From(error, target));

        internal void ThrowEngineError(EntraPasskeyException error, object? target) => ThrowTerminatingError(ErrorRecords.From(error, target));

        internal void WriteEngineMessage(EngineMessage message)
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
