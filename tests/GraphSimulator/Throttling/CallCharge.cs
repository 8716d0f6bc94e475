namespace GraphSimulator.Throttling;

/// <summary>What one call was charged, for the request log and the statistics.</summary>
/// <param name="Budget">The budget it counts against (<see cref="Budget"/> names), or null for the $batch envelope.</param>
/// <param name="Units">Resource units for identity calls; 1 request for reports and Conditional Access.</param>
/// <param name="Throttled">True when the budget refused it (429).</param>
/// <param name="RetryAfterSeconds">The Retry-After the 429 carried, if any.</param>
internal sealed record CallCharge(string? Budget, int Units, bool Throttled, int? RetryAfterSeconds);
