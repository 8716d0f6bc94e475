using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using EntraPasskey.Commands;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// The pipeline end of a <see cref="DiagnosisSession{TDiagnosis}"/> (Test-EntraPasskey, Test-EntraPasskeySignIn):
    /// submits users as they arrive, writes results in input order on the pipeline thread, keeps memory bounded by
    /// pausing input when too many users are outstanding. A run the session stopped (the token can no longer be used)
    /// ends with one terminating error naming the users left.
    /// </summary>
    internal sealed class DiagnosisPipeline<TDiagnosis> : IDisposable
        where TDiagnosis : class
    {
        /// <summary>
        /// Users read ahead of the one being written; bounds memory whatever the input size. Users after the first few
        /// wait for the tenant's sign-in window, which the reports budget (5 requests per 10 s) reads in about a minute
        /// for 100,000 users (34 pages), while the identity budget reads some 400 users a second: 500 read ahead held
        /// identity reads idle for most of that minute. 20,000 keeps them going for most of it, in about 200 MB (a user
        /// judged and waiting to be written holds some 10 KB).
        /// </summary>
        private const int MaxOutstanding = 20000;
        private const int ProgressEvery = 25;

        private readonly EntraPasskeyCommandBase _cmdlet;
        private readonly ResolvedConnection _connection;
        private readonly DiagnosisSession<TDiagnosis> _session;
        private readonly Func<TDiagnosis, bool, object> _present;
        private readonly string _activity;
        /// <summary>The last progress written; null until there is one. Each write is a new record, because hosts keep them.</summary>
        private ProgressRecord? _progress;
        private long _submitted;
        /// <summary>How many users the run has, once known: the -UserId list without pipeline input, or the count at the end of input.</summary>
        private long? _total;
        private bool _finishing;

        private DiagnosisPipeline(EntraPasskeyCommandBase cmdlet, ResolvedConnection connection, DiagnosisSession<TDiagnosis> session, Func<TDiagnosis, bool, object> present)
        {
            _cmdlet = cmdlet;
            _connection = connection;
            _session = session;
            _present = present;
            _activity = cmdlet.MyInvocation.MyCommand?.Name ?? "EntraPasskey";
        }

        /// <param name="open">Opens the run's session on the resolved connection.</param>
        /// <param name="present">What to write for a diagnosis; the flag says it is the run's only user (the detailed view).</param>
        public static DiagnosisPipeline<TDiagnosis> Start(
            EntraPasskeyCommandBase cmdlet, Func<EntraPasskeyConnection, CancellationToken, DiagnosisSession<TDiagnosis>> open, Func<TDiagnosis, bool, object> present)
        {
            var connection = ConnectionResolver.Resolve(cmdlet);
            // The session builds the Graph client, which can throw; a borrowed connection must not outlive that.
            try
            {
                return new DiagnosisPipeline<TDiagnosis>(cmdlet, connection, open(connection.Connection, cmdlet.Cancellation), present);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>The detailed view's type name for a lone user: the diagnosis's type name with #Detail.</summary>
        public static object Detailed(TDiagnosis diagnosis, bool lone)
        {
            var output = PSObject.AsPSObject(diagnosis);
            if (lone)
            {
                output.TypeNames.Insert(0, typeof(TDiagnosis).FullName + "#Detail");
            }

            return output;
        }

        /// <summary>
        /// Called before the users of the run's only input (-UserId given a list, no pipeline input): the progress bar
        /// then shows a total and a percentage from the start, not just a running count.
        /// </summary>
        public void ExpectTotal(long users) => _total = users;

        public void Submit(string user, InputOrigin origin)
        {
            _session.Submit(user, origin);
            _submitted++;
            WaitUntil(() => _session.Outstanding < MaxOutstanding);
        }

        /// <summary>Writes every result that is ready, in order, without waiting.</summary>
        public void WriteReady()
        {
            Flush();
            // A lone user gets the detailed view; hold the first verdict until a second user or the end of input
            // says which one it is.
            if (_submitted == 1 && !_finishing)
            {
                return;
            }

            while (_session.TryTake(out var result))
            {
                Write(result);
            }

            Flush();
            if (_session.Stopped is { } stopped)
            {
                _cmdlet.ThrowEngineError(stopped, _session.NotDiagnosed.ToArray());
            }
        }

        /// <summary>Waits for and writes everything still outstanding.</summary>
        public void Finish()
        {
            _finishing = true;
            _total ??= _submitted;
            _session.CompleteInput();
            WriteReady();
            WaitUntil(() => _session.Outstanding == 0);

            if (_progress != null)
            {
                _cmdlet.WriteProgress(new ProgressRecord(1, _activity, _progress.StatusDescription) { RecordType = ProgressRecordType.Completed });
            }
        }

        public void Dispose()
        {
            _session.Dispose();
            _connection.Dispose();
        }

        /// <summary>Writes results as they complete until <paramref name="done"/>.</summary>
        private void WaitUntil(Func<bool> done) =>
            _cmdlet.Pump(
                interval =>
                {
                    if (done())
                    {
                        return true;
                    }

                    _session.WaitForProgress(interval);
                    return false;
                },
                WriteReady);

        private void Write(DiagnosisResult<TDiagnosis> result)
        {
            if (result.Diagnosis != null)
            {
                _cmdlet.WriteObject(_present(result.Diagnosis, _submitted == 1));
            }
            else
            {
                _cmdlet.WriteEngineError(result.Error!, result.Input);
            }

            var taken = _session.Taken;
            if (taken % ProgressEvery == 0)
            {
                _progress = _total is { } total && total > 0
                    ? new ProgressRecord(1, _activity, $"{taken} of {total} users diagnosed, {_session.Outstanding} in progress") { PercentComplete = (int)Math.Min(100, taken * 100 / total) }
                    : new ProgressRecord(1, _activity, $"{taken} users diagnosed, {_session.Outstanding} in progress");
                _cmdlet.WriteProgress(_progress);
            }
        }

        private void Flush() => _cmdlet.WriteEngineLog(_session.Log);
    }
}
