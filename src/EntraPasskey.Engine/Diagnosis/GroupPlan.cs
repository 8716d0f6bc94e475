using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>
    /// Chooses where a run's group memberships come from. Every user starts with their own transitiveMemberOf (1
    /// resource unit each, in the user's $batch), so a handful of tickets never pays for anything tenant-wide. Once a
    /// run has <see cref="ProbeAfterUsers"/> users, the tested groups are counted (3 units each): reading their members
    /// costs 4 units a page of 999, and once the run's users reach that cost (the ski-rental rule, so a run never pays
    /// more than about twice the cheaper way) the members are read, once, beside the users' reads; chunks sent after
    /// that skip transitiveMemberOf. A count or a member read that fails leaves the run on transitiveMemberOf.
    /// </summary>
    internal sealed class GroupPlan
    {
        /// <summary>Users a run has before the tested groups are even counted.</summary>
        public const int ProbeAfterUsers = 60;

        /// <summary>Resource units of one page of members: transitiveMembers 5, minus 1 for $select.</summary>
        public const int UnitsPerPage = 4;

        private readonly GroupMemberReader _members;
        private readonly GroupSizeReader _sizes;
        private readonly Func<CancellationToken, Task<TenantSnapshot>> _tenant;
        private readonly EngineLog _log;
        private readonly CancellationToken _runToken;
        private readonly object _state = new object();
        private Task? _probe;
        private Task? _read;
        private IReadOnlyCollection<string>? _groups;
        private long? _cost;
        private int _users;

        public GroupPlan(EntraPasskeyConnection connection, Func<CancellationToken, Task<TenantSnapshot>> tenant, EngineLog log, CancellationToken runToken)
        {
            _members = new GroupMemberReader(connection);
            _sizes = new GroupSizeReader(connection);
            _tenant = tenant;
            _log = log;
            _runToken = runToken;
        }

        /// <summary>The members of the tested groups, once read; null while users read their own transitiveMemberOf.</summary>
        public GroupMembership? Ready { get; private set; }

        /// <summary>Reads still running, so the run can wait for them before it ends.</summary>
        public IReadOnlyList<Task> Running
        {
            get
            {
                lock (_state)
                {
                    return new[] { _probe, _read }.Where(t => t != null).Select(t => t!).ToList();
                }
            }
        }

        /// <summary>The run has this many users so far (or in all, once the input is complete).</summary>
        public void Users(int users)
        {
            lock (_state)
            {
                _users = users;
                if (_probe == null && users >= ProbeAfterUsers)
                {
                    _probe = ProbeAsync();
                }

                StartReadIfWorthIt();
            }
        }

        private async Task ProbeAsync()
        {
            try
            {
                var tenant = await _tenant(_runToken).ConfigureAwait(false);
                var groups = GroupMembership.TestedGroups(tenant);
                var sizes = await _sizes.ReadAsync(groups, _runToken).ConfigureAwait(false);
                if (sizes.Gap != null)
                {
                    _log.Verbose("The groups the policies target could not be counted, so each user's groups are read with the user: " + sizes.Gap);
                    return;
                }

                lock (_state)
                {
                    _groups = groups;
                    _cost = CostOf(groups.Select(sizes.OfGroup));
                    StartReadIfWorthIt();
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && _runToken.IsCancellationRequested))
            {
                _log.Verbose("The groups the policies target could not be counted, so each user's groups are read with the user: " + ex.Message);
            }
        }

        /// <summary>Resource units of reading groups of these user counts (a group not counted, as gone, costs its one page).</summary>
        public static long CostOf(IEnumerable<int?> groupUsers) =>
            groupUsers.Sum(users => UnitsPerPage * (long)Math.Max(1, (int)Math.Ceiling((users ?? 0) / (double)GroupMemberReader.PageSize)));

        /// <summary>Whether the run's users, at a unit each for their transitiveMemberOf, have reached the cost of reading the members.</summary>
        public static bool WorthReading(int users, long cost) => users >= cost;

        /// <summary>Under the lock: reads the members once the run's users cost as much as reading them.</summary>
        private void StartReadIfWorthIt()
        {
            if (_read != null || _cost is not long cost || !WorthReading(_users, cost))
            {
                return;
            }

            _read = ReadAsync(_groups!);
        }

        private async Task ReadAsync(IReadOnlyCollection<string> groups)
        {
            try
            {
                var membership = await _members.ReadAsync(groups, _runToken).ConfigureAwait(false);
                lock (_state)
                {
                    Ready = membership;
                }

                _log.Verbose($"Read the members of the {groups.Count} group(s) the policies target, once for the rest of the run, instead of each user's groups.");
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && _runToken.IsCancellationRequested))
            {
                _log.Verbose("The members of the groups the policies target could not be read, so each user's groups are read with the user: " + ex.Message);
            }
        }
    }
}
