using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>
    /// Chooses, chunk by chunk, where a run's sign-ins come from. The first few users (the reports budget's burst) read
    /// their own, so one user or a handful take no extra round trip. After that the first page of the tenant's window
    /// is read once, which tells how many pages the rest would take, and <see cref="SignInSourceRule"/> decides; once
    /// the window is chosen, every later user takes their share of it.
    /// </summary>
    internal sealed class SignInPlan
    {
        /// <summary>Users that read their own sign-ins before the window is even considered: the reports budget's burst.</summary>
        public const int PerUserBurst = ReportsBudget.Requests;

        private readonly SignInReader _reader;
        private readonly EngineLog _log;
        private readonly Func<DateTimeOffset> _clock;
        private readonly CancellationToken _runToken;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private Task<TenantSignIns>? _firstPage;
        private Task<SignInWindow>? _window;
        private int _perUserReads;
        private int _assigned;
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
        public IEnumerable<Task> Running
        {
            get
            {
                if (_firstPage != null)
                {
                    yield return _firstPage;
                }

                if (_window != null)
                {
                    yield return _window;
                }
            }
        }

        /// <summary>The input is complete: the run has this many users in all.</summary>
        public void InputComplete(int users) => Volatile.Write(ref _runSize, users);

        /// <summary>Where these users' sign-ins come from: null for one read per user, else the tenant's window.</summary>
        public async Task<Task<SignInWindow>?> ChooseAsync(int users, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_window == null && _perUserReads + users > PerUserBurst)
                {
                    _firstPage ??= _reader.ReadTenantFirstPageAsync(_clock(), _runToken);
                    var firstPage = await _firstPage.ConfigureAwait(false);
                    var size = Volatile.Read(ref _runSize);
                    var usersLeft = size < 0 ? (int?)null : Math.Max(0, size - _assigned);
                    if (SignInSourceRule.PreferTenantWindow(firstPage.EstimatedPagesLeft, _perUserReads, usersLeft))
                    {
                        _window = ReadWindowAsync(firstPage);
                    }
                }

                _assigned += users;
                if (_window == null)
                {
                    _perUserReads += users;
                }

                return _window;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<SignInWindow> ReadWindowAsync(TenantSignIns firstPage)
        {
            var window = await _reader.ReadTenantRestAsync(firstPage, _runToken).ConfigureAwait(false);
            _log.Verbose(window.Gap == null
                ? $"Read the tenant's interactive sign-ins since {window.Since:u} in {window.Pages} page(s), once for the rest of the run."
                : "Sign-in logs could not be read, so layer 4 (Recent MFA session) will be Unknown: " + window.Gap.Why);
            return window;
        }
    }
}
