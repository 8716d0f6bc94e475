using System;
using System.Threading;
using System.Threading.Tasks;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// A tenant-wide read made once for a whole run and shared by every user, unless it failed for a passing reason
    /// (throttled, unavailable, timed out or unreadable after the transport's own retries): then whoever asks next
    /// reads again, so one fault decides nothing beyond the users already waiting on that read. A lasting failure
    /// (no permission, no licence) is kept: reading again would only fail again.
    /// </summary>
    internal sealed class RunWideRead<T>
    {
        private readonly Func<CancellationToken, Task<T>> _read;
        private readonly Func<T, bool> _isIncomplete;
        private readonly object _gate = new object();
        private Task<T>? _current;

        /// <param name="read">Starts the read.</param>
        /// <param name="isIncomplete">True for a result that lacks a part for a passing reason, so is worth reading again.</param>
        public RunWideRead(Func<CancellationToken, Task<T>> read, Func<T, bool> isIncomplete)
        {
            _read = read;
            _isIncomplete = isIncomplete;
        }

        /// <summary>The read in progress or done, or a new one (observing <paramref name="cancellationToken"/>) when the last failed for a passing reason.</summary>
        public Task<T> GetAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_current == null || WorthReadingAgain(_current))
                {
                    _current = _read(cancellationToken);
                }

                return _current;
            }
        }

        /// <summary>The latest read, if one was started: a run waits for it before it ends.</summary>
        public Task? Current
        {
            get
            {
                lock (_gate)
                {
                    return _current;
                }
            }
        }

        private bool WorthReadingAgain(Task<T> read) =>
            read.IsFaulted
                ? read.Exception?.InnerException is EntraPasskeyException failed && IsPassing(failed.Kind)
                : read.Status == TaskStatus.RanToCompletion && _isIncomplete(read.Result);

        private static bool IsPassing(ErrorKind kind) =>
            kind == ErrorKind.Throttled || kind == ErrorKind.ServiceUnavailable || kind == ErrorKind.Timeout;
    }
}
