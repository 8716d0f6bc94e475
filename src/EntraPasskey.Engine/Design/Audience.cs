using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Design
{
    /// <summary>How many users a departure reaches, and how that was counted (or why it could not be).</summary>
    public sealed record Audience(int? Users, string Basis)
    {
        public static Audience Uncounted(string why) => new Audience(null, why);
    }

    /// <summary>
    /// Group sizes (transitive user members, as Graph counts them) and the tenant's number of users: what turns a
    /// policy target into a number of people. A group Graph could not count leaves the total unknown.
    /// </summary>
    public sealed class AudienceSizes
    {
        private readonly IReadOnlyDictionary<string, int> _groupUsers;

        public AudienceSizes(int? tenantUsers, IReadOnlyDictionary<string, int> groupUsers, string? gap = null)
        {
            TenantUsers = tenantUsers;
            _groupUsers = groupUsers;
            Gap = gap;
        }

        /// <summary>Nothing counted: every audience is uncounted, for <paramref name="why"/>.</summary>
        public static AudienceSizes Unknown(string why) => new AudienceSizes(null, new Dictionary<string, int>(), why);

        public int? TenantUsers { get; }

        /// <summary>Why sizes are missing, when they are.</summary>
        public string? Gap { get; }

        public int? OfGroup(string id) => _groupUsers.TryGetValue(id, out var users) ? users : (int?)null;

        /// <summary>
        /// The users the targets reach: all users is the tenant's count; a user target is one; a group its transitive
        /// user members. Groups may overlap, so a sum over several targets is an upper bound and says so.
        /// </summary>
        public Audience Of(IEnumerable<PolicyTarget> targets, TenantSnapshot tenant)
        {
            var list = targets.ToList();
            if (list.Count == 0)
            {
                return new Audience(0, "no targets");
            }

            if (list.Any(t => t.Kind == PolicyTargetKind.AllUsers))
            {
                return TenantUsers is int all
                    ? new Audience(all, $"all users ({Number(all)})")
                    : Audience.Uncounted("all users (the tenant's users could not be counted" + Because() + ")");
            }

            var total = 0;
            var parts = new List<string>();
            foreach (var target in list)
            {
                if (target.Kind == PolicyTargetKind.User)
                {
                    total++;
                    parts.Add("1 user");
                    continue;
                }

                var group = tenant.Group(target.Id);
                if (!group.Exists)
                {
                    parts.Add($"deleted group {target.Id} (not counted)");
                    continue;
                }

                if (!(OfGroup(target.Id) is int users))
                {
                    return Audience.Uncounted($"group {group.Describe()} could not be counted" + Because());
                }

                total += users;
                parts.Add($"{group.Describe()} ({Number(users)})");
            }

            var basis = string.Join(" + ", parts);
            return new Audience(total, list.Count > 1 ? $"at most {Number(total)}, as groups may overlap: {basis}" : basis);
        }

        /// <summary>All users minus an audience: those left out of it.</summary>
        public Audience Outside(Audience inside)
        {
            if (!(TenantUsers is int all) || !(inside.Users is int users))
            {
                return Audience.Uncounted("the tenant's users or the audience could not be counted" + Because());
            }

            var outside = all > users ? all - users : 0;
            return new Audience(outside, $"at least {Number(outside)} of {Number(all)} users are outside {inside.Basis}");
        }

        public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private string Because() => Gap == null ? string.Empty : ": " + Gap;
    }
}
