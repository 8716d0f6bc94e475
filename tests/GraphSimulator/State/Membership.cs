using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>
/// Group membership as Graph resolves it: direct edges from each group's <c>members</c> list, transitive closure on
/// demand (breadth-first, cycles tolerated). Deleted groups are neither parents nor members.
/// </summary>
internal sealed class Membership
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.OrdinalIgnoreCase);

    public Membership(IEnumerable<JsonObject> liveGroups)
    {
        foreach (var group in liveGroups)
        {
            var groupId = Json.Id(group);
            var members = Json.Strings(group, "members").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            _members[groupId] = members;
            foreach (var member in members)
            {
                if (!_parents.TryGetValue(member, out var parents))
                {
                    _parents[member] = parents = [];
                }

                parents.Add(groupId);
            }
        }
    }

    public IReadOnlyList<string> DirectGroupsOf(string memberId) =>
        _parents.TryGetValue(memberId, out var parents) ? parents : None;

    public IReadOnlyList<string> DirectMembersOf(string groupId) =>
        _members.TryGetValue(groupId, out var members) ? members : None;

    public List<string> TransitiveGroupsOf(string memberId) => Closure(memberId, DirectGroupsOf);

    public List<string> TransitiveMembersOf(string groupId) => Closure(groupId, DirectMembersOf);

    private static List<string> Closure(string start, Func<string, IReadOnlyList<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        var order = new List<string>();
        var queue = new Queue<string>(next(start));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id))
            {
                continue;
            }

            order.Add(id);
            foreach (var further in next(id))
            {
                queue.Enqueue(further);
            }
        }

        return order;
    }
}
