using System;
using System.Reflection;

namespace EntraPasskey.Engine
{
    /// <summary>
    /// The module's test seam, as PSResourceGet's InternalHooks: internal switches that only
    /// <see cref="SetTestHook"/> (called from the Pester suite through the cmdlet assembly) can set, and that no
    /// parameter reaches. Every switch is read when a connection is made.
    /// </summary>
    public static class TestHooks
    {
        /// <summary>
        /// New connections pace the reports budget on a simulated clock: a turn that would wait moves that clock
        /// instead of sleeping, so the suite's many one-user runs keep the real order of requests without the
        /// 10-second waits. For tests against a simulator that does not throttle the reports budget.
        /// </summary>
        internal static bool SimulatedReportsClock;

        /// <summary>Sets the internal switch <paramref name="name"/> to <paramref name="value"/>.</summary>
        public static void SetTestHook(string name, object value)
        {
            var field = typeof(TestHooks).GetField(name, BindingFlags.Static | BindingFlags.NonPublic)
                ?? throw new ArgumentException($"There is no test hook named '{name}'.", nameof(name));
            field.SetValue(null, value);
        }
    }
}
