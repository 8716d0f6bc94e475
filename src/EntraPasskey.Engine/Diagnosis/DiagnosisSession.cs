using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.SignIn;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>The two questions a run can answer, each a <see cref="DiagnosisSession{TDiagnosis}"/> with its judge and sign-in window.</summary>
    public static class DiagnosisSession
    {
        /// <summary>Test-EntraPasskey: can each user add a passkey in Security info?</summary>
        public static DiagnosisSession<PasskeyDiagnosis> ForRegistration(EntraPasskeyConnection connection, AttemptHints hints, Func<DateTimeOffset>? clock, CancellationToken cancellationToken) =>
            ForRegistration(connection, hints, clock, SignInReader.MaxPageSize, cancellationToken);

        /// <summary>Test-EntraPasskeySignIn: can each user sign in with the passkeys they have?</summary>
        public static DiagnosisSession<PasskeySignInDiagnosis> ForSignIn(EntraPasskeyConnection connection, Func<DateTimeOffset>? clock, CancellationToken cancellationToken) =>
            ForSignIn(connection, clock, SignInReader.MaxPageSize, cancellationToken);

        /// <param name="signInPageSize">Sign-ins per page of the tenant's window; tests make it small to give a small tenant many pages.</param>
        internal static DiagnosisSession<PasskeyDiagnosis> ForRegistration(EntraPasskeyConnection connection, AttemptHints hints, Func<DateTimeOffset>? clock, int signInPageSize, CancellationToken cancellationToken) =>
            new DiagnosisSession<PasskeyDiagnosis>(
                connection, Judge.Default.Diagnose, hints, clock, signInPageSize, SignInReader.Window, SignInReader.Window,
                "layer 4 (Recent MFA session) is Unknown for every user, and layer 5 (Platform / browser) cannot see the device of their latest sign-in",
                cancellationToken);

        internal static DiagnosisSession<PasskeySignInDiagnosis> ForSignIn(EntraPasskeyConnection connection, Func<DateTimeOffset>? clock, int signInPageSize, CancellationToken cancellationToken) =>
            new DiagnosisSession<PasskeySignInDiagnosis>(
                connection, SignInJudge.Default.Diagnose, AttemptHints.None, clock, signInPageSize, SignInReader.SignInCheckWindow, SignInReader.SignInCheckTenantWindow,
                "whether any user's recent passkey sign-ins failed is unknown",
                cancellationToken);
    }

    /// <summary>
    /// One diagnosis run (one Test-EntraPasskey or Test-EntraPasskeySignIn invocation). Users are submitted as they arrive on the pipeline,
    /// read in $batch chunks with bounded concurrency while more arrive, and handed back strictly in input order as
    /// soon as each one and all before it are done. Tenant-wide data is read once per run. Sign-ins cost the reports
    /// budget (5 requests / 10 s), so <see cref="SignInPlan"/> chooses between one read per user and one read of the
    /// tenant's window, whichever the run's size and the tenant's sign-in volume make cheaper. When the connection's
    /// token can no longer be used (<see cref="EntraPasskeyConnection.EndsRun"/>), the run stops at the first user it
    /// failed: the users before are handed back, the rest are reported once, together (<see cref="Stopped"/>).
    /// </summary>
    public sealed class DiagnosisSession<TDiagnosis> : IDisposable
        where TDiagnosis : class
    {
        /// <summary>How many $batch requests may be in flight at once: enough that latency, not the budget, rarely sets the pace.</summary>
        private const int MaxConcurrentBatches = 8;

        private readonly TenantReader _tenantReader;
        private readonly UserReader _userReader;
        private readonly SignInReader _signInReader;
        private readonly Func<DiagnosisInput, TDiagnosis> _judge;
        private readonly AttemptHints _hints;
        private readonly Func<DateTimeOffset> _clock;
        private readonly CancellationTokenSource _cancellation;
        private readonly RunWideRead<TenantSnapshot> _tenant;
        private readonly SignInPlan _signIns;
        private readonly GroupPlan _groups;
        private readonly object _gate = new object();
        private readonly Queue<Pending> _waiting = new Queue<Pending>();
        private readonly Dictionary<long, DiagnosisResult<TDiagnosis>> _done = new Dictionary<long, DiagnosisResult<TDiagnosis>>();
        private readonly Dictionary<long, string> _inputs = new Dictionary<long, string>();
        private readonly Func<EntraPasskeyException, bool> _endsRun;
        private readonly DateTimeOffset? _tokenExpiresOn;
        private readonly string _withoutSignIns;
        /// <summary>Chunks whose identity reads are in flight: at most <see cref="MaxConcurrentBatches"/>.</summary>
        private readonly HashSet<object> _reading = new HashSet<object>();

        /// <summary>Every chunk not yet complete, reading or waiting for its sign-ins; the run waits for them when it ends.</summary>
        private readonly List<Task> _running = new List<Task>();
        private readonly SemaphoreSlim _completed = new SemaphoreSlim(0);
        private long _submitted;
        private int _users;
        private long _emitted;
        private bool _disposed;
        private bool _inputComplete;
        private long _stopAt = long.MaxValue;
        private int _signInsUnreadableSaid;
        private EntraPasskeyException? _stopCause;

        /// <param name="judge">What the evidence of one user is judged with.</param>
        /// <param name="clock">What the sign-in window and the rules take as "now"; null for the system clock.</param>
        /// <param name="userSignInWindow">How far back a user's own sign-ins are read.</param>
        /// <param name="tenantSignInWindow">How far back the tenant's sign-ins are read, when the run reads them for all its users.</param>
        /// <param name="withoutSignIns">What the run cannot tell when the sign-in logs cannot be read at all, for the one warning that says so.</param>
        internal DiagnosisSession(
            EntraPasskeyConnection connection, Func<DiagnosisInput, TDiagnosis> judge, AttemptHints hints, Func<DateTimeOffset>? clock, int signInPageSize, TimeSpan userSignInWindow, TimeSpan tenantSignInWindow, string withoutSignIns, CancellationToken cancellationToken)
        {
            _withoutSignIns = withoutSignIns;
            Log = new EngineLog();
            _endsRun = connection.EndsRun;
            _tokenExpiresOn = connection.Context.TokenExpiresOn;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            var signIns = new SignInReader(connection.Graph, userSignInWindow, tenantSignInWindow, signInPageSize);
            _signInReader = signIns;
            _tenantReader = new TenantReader(connection, Log);
            _userReader = new UserReader(connection);
            _judge = judge;
            _hints = hints;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _tenant = new RunWideRead<TenantSnapshot>(
                _tenantReader.ReadTenantAsync,
                snapshot => snapshot.SecurityDefaults.Gap?.Lasting == false || snapshot.ConditionalAccess.Gap?.Lasting == false);
            _signIns = new SignInPlan(signIns, Log, _clock, _cancellation.Token);
            _groups = new GroupPlan(connection, _tenant.GetAsync, Log, _cancellation.Token);
        }

        public EngineLog Log { get; }

        /// <summary>Submitted but not yet taken.</summary>
        public long Outstanding => Interlocked.Read(ref _submitted) - Interlocked.Read(ref _emitted);

        public long Taken => Interlocked.Read(ref _emitted);

        /// <param name="origin">Where the input came from, for an error that must say which input it was.</param>
        public void Submit(string input, InputOrigin? origin = null)
        {
            lock (_gate)
            {
                var sequence = _submitted++;
                _inputs[sequence] = input;
                if (UserKey.TryParse(input, origin, out var key, out var error))
                {
                    _users++;
                    _groups.Users(_users);
                    _waiting.Enqueue(new Pending(sequence, input, key));
                }
                else
                {
                    Complete(sequence, DiagnosisResult<TDiagnosis>.Failed(input, error!));
                    WakeIfNextIsDone();
                }

                Dispatch();
            }
        }

        /// <summary>No more users will come: send whatever is still waiting, even in part-filled batches.</summary>
        public void CompleteInput()
        {
            lock (_gate)
            {
                _inputComplete = true;
                _signIns.InputComplete(_users);
                Dispatch();
            }
        }

        /// <summary>The next result in input order, if it is ready; none from the user the run stopped at on.</summary>
        public bool TryTake(out DiagnosisResult<TDiagnosis> result)
        {
            lock (_gate)
            {
                if (_emitted < _stopAt && _done.TryGetValue(_emitted, out var next))
                {
                    _done.Remove(_emitted);
                    _inputs.Remove(_emitted);
                    _emitted++;
                    result = next;
                    return true;
                }
            }

            result = null!;
            return false;
        }

        /// <summary>
        /// Once every result before the user the run stopped at has been taken: why it stopped, its message saying how
        /// many users were not diagnosed (<see cref="NotDiagnosed"/>). Null while the run goes on.
        /// </summary>
        public EntraPasskeyException? Stopped
        {
            get
            {
                lock (_gate)
                {
                    if (_stopCause == null || _emitted < _stopAt)
                    {
                        return null;
                    }

                    var left = NotDiagnosedLocked();
                    var expiry = _stopCause.ErrorId != StaticTokenCredential.ExpiredErrorId && _tokenExpiresOn is { } at
                        ? $" The token says it expires at {at:u}."
                        : string.Empty;
                    return new EntraPasskeyException(
                        _stopCause.ErrorId, _stopCause.Kind,
                        $"{_stopCause.Message}{expiry} The run stopped there: {Users(left.Count)} not diagnosed, from '{left[0]}' on.",
                        _stopCause.RecommendedAction + " Then run the command again for the users not diagnosed (this error's TargetObject lists them).",
                        null,
                        _stopCause);
                }
            }
        }

        /// <summary>The inputs from the user the run stopped at on, in input order.</summary>
        public IReadOnlyList<string> NotDiagnosed
        {
            get
            {
                lock (_gate)
                {
                    return NotDiagnosedLocked();
                }
            }
        }

        /// <summary>Blocks until the next result in input order is done or the timeout passes; throws when the run is cancelled.</summary>
        public void WaitForProgress(TimeSpan timeout) => _completed.Wait(timeout, _cancellation.Token);

        public void Dispose()
        {
            Task[] running;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                running = _running
                    .Concat(_tenant.Current is Task tenant ? new[] { tenant } : Array.Empty<Task>())
                    .Concat(_signIns.Running)
                    .Concat(_groups.Running)
                    .ToArray();
            }

            _cancellation.Cancel();

            try
            {
                // Work observes the token; waiting here means no request outlives the command.
                Task.WaitAll(running, TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
            }

            _cancellation.Dispose();
            _completed.Dispose();
        }

        /// <summary>
        /// Sends full batches while there is room; a part-filled batch only when nothing is in flight (so a lone user
        /// goes at once) or input is complete. Users arriving meanwhile fill the next batch. A chunk holds its room only
        /// while its identity reads are in flight: waiting for sign-ins holds nothing back.
        /// </summary>
        private void Dispatch()
        {
            while (!_disposed && !_cancellation.IsCancellationRequested && _stopCause == null && _waiting.Count > 0 && _reading.Count < MaxConcurrentBatches)
            {
                // Read once here, so the chunk's size and its reads agree.
                var membership = _groups.Ready;
                var size = membership == null ? UserReader.UsersPerBatch : UserReader.UsersPerBatchWithMembership;
                if (_waiting.Count < size && _reading.Count > 0 && !_inputComplete)
                {
                    break;
                }

                var chunk = new List<Pending>();
                while (_waiting.Count > 0 && chunk.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() < size)
                {
                    chunk.Add(_waiting.Dequeue());
                }

                // Decided here, in input order, so the first users' chunks never wait for a tenant-wide read.
                var signIns = _signIns.Choose(chunk.Count, _cancellation.Token);
                var room = new object();
                _reading.Add(room);
                Task task = null!;
                task = Task.Run(async () =>
                {
                    try
                    {
                        await RunChunkAsync(chunk, membership, signIns, () => FreeRoom(room)).ConfigureAwait(false);
                    }
                    finally
                    {
                        FreeRoom(room);
                        lock (_gate)
                        {
                            _running.Remove(task);
                        }
                    }
                });
                _running.Add(task);
            }
        }

        /// <summary>A chunk's identity reads are done (or it ended): the next chunk may go.</summary>
        private void FreeRoom(object room)
        {
            lock (_gate)
            {
                if (_reading.Remove(room))
                {
                    Dispatch();
                }
            }
        }

        private async Task RunChunkAsync(IReadOnlyList<Pending> chunk, GroupMembership? membership, Task<Task<SignInWindow>?> signIns, Action identityRead)
        {
            var token = _cancellation.Token;
            IReadOnlyList<DiagnosisResult<TDiagnosis>> results;
            try
            {
                results = await DiagnoseAsync(chunk, membership, signIns, identityRead, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (EntraPasskeyException error)
            {
                results = chunk.Select(p => DiagnosisResult<TDiagnosis>.Failed(p.Input, error.WithTarget(p.Input))).ToList();
            }
            catch (Exception unexpected)
            {
                var error = new EntraPasskeyException(
                    "DiagnosisFailed", ErrorKind.InvalidOperation,
                    "The diagnosis failed unexpectedly: " + unexpected.Message,
                    "Run the command again with -Verbose; if it keeps failing, report it with the message.", null, unexpected);
                results = chunk.Select(p => DiagnosisResult<TDiagnosis>.Failed(p.Input, error.WithTarget(p.Input))).ToList();
            }

            lock (_gate)
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    Complete(chunk[i].Sequence, results[i]);
                }

                WakeIfNextIsDone();
            }
        }

        /// <param name="signIns">The plan's choice for these users: null for their own sign-in reads, else the tenant's window.</param>
        /// <param name="identityRead">Called once the users' identity reads are done, before any wait for sign-ins.</param>
        /// <param name="membership">The tested groups' members when the run has read them, else null (each user's transitiveMemberOf).</param>
        private async Task<IReadOnlyList<DiagnosisResult<TDiagnosis>>> DiagnoseAsync(IReadOnlyList<Pending> chunk, GroupMembership? membership, Task<Task<SignInWindow>?> signIns, Action identityRead, CancellationToken token)
        {
            var keys = chunk.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var tenantTask = _tenant.GetAsync(_cancellation.Token);
            var readsTask = _userReader.ReadUsersAsync(keys, membership, token);
            // Users within the burst know at once that they read their own: those reads go beside the identity reads.
            var ownTask = signIns.Status == TaskStatus.RanToCompletion && signIns.Result == null ? ReadOwnSignInsAsync(keys, token) : null;
            IReadOnlyList<UserRead> reads;
            try
            {
                reads = await readsTask.ConfigureAwait(false);
            }
            catch when (ownTask != null)
            {
                // No sign-in read outlives the chunk, even when its users could not be read (those reads never throw
                // but for cancellation).
                identityRead();
                await Task.WhenAny(ownTask).ConfigureAwait(false);
                throw;
            }
            finally
            {
                identityRead();
            }

            var windowTask = await signIns.ConfigureAwait(false);
            if (windowTask == null && ownTask == null)
            {
                ownTask = ReadOwnSignInsAsync(keys, token);
            }

            var own = ownTask == null ? null : await ownTask.ConfigureAwait(false);
            var window = windowTask == null ? null : await windowTask.ConfigureAwait(false);
            var tenant = await tenantTask.ConfigureAwait(false);
            var byKey = reads.ToDictionary(r => r.Key, StringComparer.OrdinalIgnoreCase);
            var now = _clock();
            return chunk.Select(p =>
            {
                var read = byKey[p.Key];
                if (read.Evidence == null)
                {
                    return DiagnosisResult<TDiagnosis>.Failed(p.Input, read.Error!.WithTarget(p.Input));
                }

                var signIns = window == null ? own![p.Key] : window.For(read.Evidence.Id);
                WarnIfSignInsUnreadable(signIns.Gap);
                var user = read.Evidence.WithSignIns(signIns);
                return DiagnosisResult<TDiagnosis>.Diagnosed(p.Input, _judge(new DiagnosisInput(tenant, user, _hints, now)));
            }).ToList();
        }

        /// <summary>
        /// Sign-in logs the run can never read (a missing permission or licence) are said once, in full, with what the
        /// run cannot tell without them; each user's finding then quotes the gap briefly.
        /// </summary>
        private void WarnIfSignInsUnreadable(EvidenceGap? gap)
        {
            if (gap?.Lasting == true && Interlocked.Exchange(ref _signInsUnreadableSaid, 1) == 0)
            {
                Log.Warning($"The sign-in logs could not be read: {gap.Why.TrimEnd('.')}. So {_withoutSignIns}; each user's finding says so briefly.");
            }
        }

        /// <summary>Each user's own sign-ins, one read per user (each a turn on the reports budget).</summary>
        private async Task<IReadOnlyDictionary<string, SignInHistory>> ReadOwnSignInsAsync(IReadOnlyList<string> keys, CancellationToken token)
        {
            var now = _clock();
            var histories = await Task.WhenAll(keys.Select(key => _signInReader.ReadUserAsync(key, now, token))).ConfigureAwait(false);
            return keys.Select((key, i) => (key, histories[i])).ToDictionary(p => p.key, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        }

        private void Complete(long sequence, DiagnosisResult<TDiagnosis> result)
        {
            if (_disposed)
            {
                return;
            }

            if (result.Error != null && sequence < _stopAt && _endsRun(result.Error))
            {
                _stopAt = sequence;
                _stopCause = result.Error;
            }

            _done[sequence] = result;
        }

        /// <summary>
        /// Under the lock: wakes the writer when the next result in input order is there. Results behind it cannot be
        /// taken yet, so waking for each of them (once per user) only spun the writer's thread: a tenth of a bulk run's
        /// processor time went to that wait.
        /// </summary>
        private void WakeIfNextIsDone()
        {
            if (!_disposed && _done.ContainsKey(_emitted))
            {
                _completed.Release();
            }
        }

        private List<string> NotDiagnosedLocked() =>
            _inputs.Where(p => p.Key >= _stopAt).OrderBy(p => p.Key).Select(p => p.Value).ToList();

        private static string Users(int count) =>
            count == 1 ? "1 user was" : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " users were";

        private sealed record Pending(long Sequence, string Input, string Key);
    }
}
