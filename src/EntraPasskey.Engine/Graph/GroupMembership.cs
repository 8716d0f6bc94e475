using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// The transitive user members of every group a rule can ask about (<see cref="TestedGroups"/>), read once for a
    /// bulk run instead of each user's transitiveMemberOf: a page of 999 members costs 4 resource units
    /// (transitiveMembers 5, $select −1), a user's transitiveMemberOf 1, so ten thousand users in a few groups cost tens of
    /// units instead of ten thousand. Rules only ask whether a user is in one of these groups, so a user's groups taken
    /// from here give the same verdicts as their own transitiveMemberOf.
    /// </summary>
    internal sealed class GroupMembership
    {
        private readonly IReadOnlyDictionary<string, HashSet<string>> _members;

        public GroupMembership(IReadOnlyDictionary<string, HashSet<string>> members)
        {
            _members = members;
        }

        /// <summary>The tested groups the user is in, directly or through nested groups.</summary>
        public IReadOnlyList<string> GroupsOf(string userId) =>
            _members.Where(p => p.Value.Contains(userId)).Select(p => p.Key).ToList();

        /// <summary>
        /// Groups whose membership a rule tests: the method configurations' group targets (include and exclude) and the
        /// groups the registration and All-resources Conditional Access policies include or exclude.
        /// </summary>
        public static IReadOnlyCollection<string> TestedGroups(TenantSnapshot tenant) =>
            tenant.MethodPolicies.Values
                .SelectMany(m => m.IncludeTargets.Concat(m.ExcludeTargets))
                .Where(t => t.Kind == PolicyTargetKind.Group)
                .Select(t => t.Id)
                .Concat(tenant.ConditionalAccess.RegistrationPolicies.SelectMany(p => p.Users.IncludeGroups.Concat(p.Users.ExcludeGroups)))
                .Concat(tenant.ConditionalAccess.AllResourcesPolicies.SelectMany(p => p.Users.IncludeGroups.Concat(p.Users.ExcludeGroups)))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
    }

    /// <summary>Reads <see cref="GroupMembership"/>: each group's transitive user members, pages of 999, the groups side by side.</summary>
    internal sealed class GroupMemberReader
    {
        public const int PageSize = 999;

        private readonly GraphServiceClient _client;

        public GroupMemberReader(EntraPasskeyConnection connection)
        {
            _client = connection.Graph;
        }

        /// <summary>A group Graph no longer has has no members (as no user's transitiveMemberOf lists it); any other failure throws.</summary>
        public async Task<GroupMembership> ReadAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
        {
            var sets = await Task.WhenAll(groupIds.Select(id => ReadGroupAsync(id, cancellationToken))).ConfigureAwait(false);
            return new GroupMembership(groupIds.Zip(sets, (id, set) => (id, set)).ToDictionary(p => p.id, p => p.set, StringComparer.OrdinalIgnoreCase));
        }

        private async Task<HashSet<string>> ReadGroupAsync(string groupId, CancellationToken cancellationToken)
        {
            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            UserCollectionResponse? page;
            try
            {
                page = await _client.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = new[] { "id" };
                    rc.QueryParameters.Top = PageSize;
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Microsoft.Graph.Models.ODataErrors.ODataError notFound) when (notFound.ResponseStatusCode == 404)
            {
                return members;
            }

            while (page != null)
            {
                members.UnionWith((page.Value ?? new List<User>()).Where(u => u.Id != null).Select(u => u.Id!));
                if (string.IsNullOrEmpty(page.OdataNextLink))
                {
                    break;
                }

                if (!seen.Add(page.OdataNextLink!))
                {
                    throw new EntraPasskeyException("GraphPagingFailed", ErrorKind.ServiceUnavailable, "Microsoft Graph returned the same page of group members twice.", "Run the command again.");
                }

                page = await _client.Groups[groupId].TransitiveMembers.GraphUser.WithUrl(page.OdataNextLink!).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return members;
        }
    }
}
