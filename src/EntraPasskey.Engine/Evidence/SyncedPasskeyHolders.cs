using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The users the registration report lists with a synced passkey, read in full (methods and memberships) up to a
    /// cap, so a check can ask whether their own passkey profiles still admit those passkeys; or why they could not be.
    /// </summary>
    public sealed class SyncedPasskeyHolders
    {
        private SyncedPasskeyHolders(IReadOnlyList<UserEvidence> users, int listed, EvidenceGap? gap)
        {
            Users = users;
            Listed = listed;
            Gap = gap;
        }

        public static SyncedPasskeyHolders NotRead { get; } = Unavailable(new EvidenceGap("Users with synced passkeys were not read.", null));

        /// <summary>The holders read in full (at most the cap).</summary>
        public IReadOnlyList<UserEvidence> Users { get; }

        /// <summary>How many users the report lists with a synced passkey.</summary>
        public int Listed { get; }

        /// <summary>Null when the holders were read.</summary>
        public EvidenceGap? Gap { get; }

        public static SyncedPasskeyHolders Read(IEnumerable<UserEvidence> users, int listed) => new SyncedPasskeyHolders(users.ToList(), listed, null);

        public static SyncedPasskeyHolders Unavailable(EvidenceGap gap) => new SyncedPasskeyHolders(Array.Empty<UserEvidence>(), 0, gap);
    }
}
