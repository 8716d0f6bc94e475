using System;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>A clock the test moves (for the simulator as a TimeProvider, for the engine as a Func), instead of sleeping.</summary>
    public sealed class MovableClock : TimeProvider
    {
        private readonly object _sync = new object();
        private DateTimeOffset _now;

        public MovableClock(DateTimeOffset start)
        {
            _now = start;
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_sync)
            {
                return _now;
            }
        }

        public void Advance(TimeSpan by)
        {
            lock (_sync)
            {
                _now += by;
            }
        }
    }
}
