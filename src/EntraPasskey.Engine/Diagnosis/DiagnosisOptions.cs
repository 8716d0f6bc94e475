using System;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>Tuning for a diagnosis run.</summary>
    public sealed class DiagnosisOptions
    {
        /// <summary>How many $batch requests may be in flight at once.</summary>
        public int MaxConcurrentBatches { get; set; } = 4;

        /// <summary>The clock rules see as "now" (tests pin it).</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
