namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>
    /// Whether the rest of a run should take its sign-ins from the rest of the tenant's window rather than one read
    /// per user. Both cost reports requests (5 per 10 s): per-user reads one per user, the tenant's window one per
    /// page, and how many pages follows the tenant's sign-in volume, not the run. A weekly report of every user wants
    /// the window; twenty tickets in a tenant with a million sign-ins a day want per-user reads.
    /// </summary>
    internal static class SignInSourceChoice
    {
        /// <param name="pagesLeft">
        /// Estimated pages of the window still to read: 0 when it is all read, <see cref="int.MaxValue"/> when the pace is
        /// unknown or the read failed for a passing reason, which never makes the window the cheaper way.
        /// </param>
        /// <param name="perUserReadsSoFar">Users whose sign-ins were read one by one so far in this run.</param>
        /// <param name="usersInChunk">Users this choice is for.</param>
        /// <param name="usersLeft">
        /// Users still without sign-ins, these included, when the input is complete (the run's size is known); null
        /// while users are still arriving. Then the choice is the ski-rental one: read per user while that, this chunk
        /// included, costs no more than the rest of the window would, then read the window, so a run never pays more
        /// than about twice the cheaper way.
        /// </param>
        public static bool PreferTenantWindow(int pagesLeft, int perUserReadsSoFar, int usersInChunk, int? usersLeft)
        {
            if (pagesLeft == 0 || pagesLeft == int.MaxValue)
            {
                return pagesLeft == 0;
            }

            return usersLeft.HasValue ? usersLeft.Value > pagesLeft : (long)perUserReadsSoFar + usersInChunk > pagesLeft;
        }
    }
}
