using System;
using System.Linq;
using System.Management.Automation;
using EntraPasskey.Commands;
using EntraPasskey.Engine.Diagnosis;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// Test-EntraPasskey's pipeline end of a <see cref="DiagnosisSession"/>: submits users as they arrive, writes
    /// results in input order on the pipeline thread, keeps memory bounded by pausing input when too many users are
    /// outstanding. A run the session stopped (the token can no longer be used) ends with one terminating error naming
    /// the users left.
    /// </summary>
    internal sealed class DiagnosisPipeline : IDisposable
    {
        /// <summary>Users read ahead of the one being written; bounds memory whatever the input size.</summary>
        private const int MaxOutstanding = 500;
        private const int ProgressEvery = 25;
        private const string DetailTypeName = "EntraPasskey.PasskeyDiagnosis#Detail";

        private readonly TestEntraPasskeyCommand _cmdlet;
        private readonly ResolvedConnection _connection;
        private readonly DiagnosisSession _session;
        private readonly bool _quiet;
        private readonly ProgressRecord _progress = new ProgressRecord(1, "Test-EntraPasskey", "Diagnosing users");
        private bool _progressShown;
        private long _submitted;
        private bool _finishing;

        private DiagnosisPipeline(TestEntraPasskeyCommand cmdlet, ResolvedConnection connection, DiagnosisSession session, bool quiet)
        {
            _cmdlet = cmdlet;
            _connection = connection;
            _session = session;
            _quiet = quiet;
        }

        public static DiagnosisPipeline Start(TestEntraPasskeyCommand cmdlet, AttemptHints hints, bool quiet)
        {
            var connection = ConnectionResolver.Resolve(cmdlet);
            // The session builds the Graph client, which can throw; a borrowed connection must not outlive that.
            try
            {
                return new DiagnosisPipeline(cmdlet, connection, new DiagnosisSession(connection.Connection, hints, null, cmdlet.Cancellation), quiet);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Submit(string user)
        {
            _session.Submit(user);
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
            _session.CompleteInput();
            WriteReady();
            WaitUntil(() => _session.Outstanding == 0);

            if (_progressShown)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(_progress);
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

        private void Write(DiagnosisResult result)
        {
            if (result.Diagnosis != null && _quiet)
            {
                _cmdlet.WriteObject(result.Diagnosis.Verdict == Verdict.Ready);
            }
            else if (result.Diagnosis != null)
            {
                var output = PSObject.AsPSObject(result.Diagnosis);
                if (_submitted == 1)
                {
                    output.TypeNames.Insert(0, DetailTypeName);
                }

                _cmdlet.WriteObject(output);
            }
            else
            {
                _cmdlet.WriteEngineError(result.Error!, result.Input);
            }

            var taken = _session.Taken;
            if (taken % ProgressEvery == 0)
            {
                _progressShown = true;
                _progress.StatusDescription = $"{taken} users diagnosed, {_session.Outstanding} in progress";
                _cmdlet.WriteProgress(_progress);
            }
        }

        private void Flush() => _cmdlet.WriteEngineLog(_session.Log);
    }
}
