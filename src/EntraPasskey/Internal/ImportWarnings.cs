using System.Collections.Concurrent;

namespace EntraPasskey.Internal
{
    /// <summary>Warnings found while importing, written by the first command that runs (an initializer cannot write).</summary>
    internal static class ImportWarnings
    {
        private static readonly ConcurrentQueue<string> Pending = new ConcurrentQueue<string>();

        public static void Add(string warning) => Pending.Enqueue(warning);

        public static bool TryTake(out string warning)
        {
            if (Pending.TryDequeue(out var taken))
            {
                warning = taken;
                return true;
            }

            warning = string.Empty;
            return false;
        }
    }
}
