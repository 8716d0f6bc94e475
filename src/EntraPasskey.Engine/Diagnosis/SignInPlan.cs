using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>
    /// Chooses, chunk by chunk, where a run's sign-ins come from. The first few users (the reports budget's burst)
    /// read their own, decided as their chunks are sent, in input order, so the first verdict never waits for anything
    /// tenant-wide; so does a run known to have only a few users left. After that the first page of the tenant's
    /// window is read once, which tells how many pages the rest would take, and <see cref="SignInSourceChoice"/>
    /// decides; once the window is chosen, every later user takes their share of it. A first page or window that
    /// failed for a passing reason (after the transport's retries) decides nothing: the users waiting on it make do,
    /// and a later chunk reads it again, up to <see cref="MaxTenantReads"/> times a run.
    /// </summary>
    internal sealed class SignInPlan
    {
        /// <summary>Users that read their own sign-ins before the window is even considered: the reports budget's burst.</summary>
        public const int PerUserBurst = ReportsBudget.Requests;

        /// <summary>How often a run starts reading the tenant's window before a passing failure is taken as the answer.</summary>
        public const int MaxTenantReads = 3;

        private readonly SignInReader _reader;
        private readonly EngineLog _log;
        private readonly Func<DateTimeOffset> _clock;
        private readonly CancellationToken _runToken;

        // One decision at a time (a decision may wait for the first page); the lock guards the counts and tasks.
        private readonly SemaphoreSlim _deciding = new SemaphoreSlim(1, 1);
        private readonly object _state = new object();
        private Task<TenantSignIns>? _firstPage;
        private Task<SignInWindow>? _window;
        private int _perUserReads;
        private int _assigned;
        private int _tenantReads;
        private int _runSize = -1;

        /// <param name="runToken">Cancels the window read with the run, whichever chunk started it.</param>
        public SignInPlan(SignInReader reader, EngineLog log, Func<DateTimeOffset> clock, CancellationToken runToken)
        {
            _reader = reader;
            _log = log;
            _clock = clock;
            _runToken = runToken;
        }

        /// <summary>Reads still running, so the run can wait for them before it ends.</summary>
        public IReadOnlyList<Task> Running
        {
            get
            {
                lock (_state)
                {
                    return new Task?[] { _firstPage, _window }.Where(t => t != null).Select(t => t!).ToList();
                }
            }
        }

        /// <summary>The input is complete: the run has this many users in all.</summary>
        public void InputComplete(int users)
        {
            lock (_state)
            {
                _runSize = users;
            }
        }

        /// <summary>
        /// Where these users' sign-ins come from, asked once per chunk as it is sent, in input order: null for one read
        /// per user, else the tenant's window. Within the burst the answer is there at once, so the first users never
        /// wait for anything tenant-wide; after it the answer may wait for the window's first page.
        /// </summary>
        public Task<Task<SignInWindow>?> Choose(int users, CancellationToken cancellationToken) =>
            TryTakeBurst(users) ? Task.FromResult<Task<SignInWindow>?>(null) : ChooseAsync(users, cancellationToken);

        /// <summary>True when these users read their own sign-ins within the burst, decided without waiting.</summary>
        private bool TryTakeBurst(int users)
        {
            lock (_state)
            {
                if (_firstPage != null || _perUserReads + users > PerUserBurst)
                {
                    return false;
                }

                Assign(users, perUser: true);
                return true;
            }
        }

        private async Task<Task<SignInWindow>?> ChooseAsync(int users, CancellationToken cancellationToken)
        {
            await _deciding.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Task<TenantSignIns> probe;
                int? usersLeft;
                lock (_state)
                {
                    usersLeft = _runSize < 0 ? (int?)null : Math.Max(0, _runSize - _assigned);
                    if (_window != null || _perUserReads + users <= PerUserBurst || usersLeft <= PerUserBurst)
                    {
                        return Assign(users, perUser: _window == null);
                    }

                    if (_firstPage == null)
                    {
                        _tenantReads++;
                        _firstPage = _reader.ReadTenantFirstPageAsync(_clock(), _runToken);
                    }

                    probe = _firstPage;
                }

                var firstPage = await probe.ConfigureAwait(false);
                lock (_state)
                {
                    if (firstPage.Gap is { Lasting: false } gap && _tenantReads < MaxTenantReads)
                    {
                        // One fault does not settle the run's plan: these users read their own, a later chunk tries again.
                        _log.Verbose("The first page of the tenant's sign-ins could not be read; it will be read again: " + gap.Why);
                        _firstPage = null;
                        return Assign(users, perUser: true);
                    }

                    if (SignInSourceChoice.PreferTenantWindow(firstPage.EstimatedPagesLeft, _perUserReads, users, usersLeft))
                    {
                        _window = ReadWindowAsync(firstPage);
                    }

                    return Assign(users, perUser: _window == null);
                }
            }
            finally
            {
                _deciding.Release();
            }
        }

        private Task<SignInWindow>? Assign(int users, bool perUser)
        {
            _assigned += users;
            if (perUser)
            {
                _perUserReads += users;
            }

            return perUser ? null : _window;
        }

        private async Task<SignInWindow> ReadWindowAsync(TenantSignIns firstPage)
        {
            var window = await _reader.ReadTenantRestAsync(firstPage, _runToken).ConfigureAwait(false);
            lock (_state)
            {
                if (window.Gap?.Lasting == false && _tenantReads < MaxTenantReads)
                {
                    // The users already waiting get the gap; later chunks start the window again.
                    _firstPage = null;
                    _window = null;
                }
            }

            _log.Verbose(window.Gap == null
                ? $"Read the tenant's interactive sign-ins since {window.Since:u} in {window.Pages} page(s), once for the rest of the run."
                : "Sign-in logs could not be read, so layer 4 (Recent MFA session) will be Unknown: " + window.Gap.Why);
            return window;
        }
    }
}
