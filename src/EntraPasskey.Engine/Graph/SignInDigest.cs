using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Folds one user's sign-ins, page by page, down to the ones <see cref="SignInHistory.Read"/> keeps (newest,
    /// newest with completed MFA, newest naming an operating system, newest with a passkey), so a tenant-wide read
    /// holds at most four per user. Each kept sign-in is the first of the sign-ins in one order, so folding page by page keeps the same ones
    /// as reading them all at once.
    /// </summary>
    internal sealed class SignInDigest
    {
        private const int KeptPerUser = 4;

        private readonly List<SignInRecord> _kept = new List<SignInRecord>(KeptPerUser + 1);

        public IReadOnlyList<SignInRecord> Kept => _kept;

        public void Add(SignInRecord record)
        {
            _kept.Add(record);
            if (_kept.Count > KeptPerUser)
            {
                var history = SignInHistory.Read(_kept, record.CreatedAt);
                _kept.Clear();
                _kept.AddRange(history.SignIns);
            }
        }
    }
}
