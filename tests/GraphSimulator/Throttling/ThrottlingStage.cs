using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Throttling;

/// <summary>
/// Prices every call against its budget and, when throttling is on, refuses it with Graph's 429 when the budget
/// is spent. The $batch envelope costs nothing: each item comes through here on its own, so a throttled item is a
/// 429 inside the 200 envelope with its own Retry-After.
/// </summary>
internal sealed class ThrottlingStage(BudgetSet budgets, string tenantId, TimeProvider clock) : IRequestStage
{
    public ValueTask<GraphResponse?> InvokeAsync(GraphCall call, CancellationToken ct)
    {
        var segments = BudgetClassifier.Normalize(call.Request.Target.Segments);
        var budget = BudgetClassifier.Classify(segments);
        if (budget is null)
        {
            call.Charge = new CallCharge(null, 0, false, null);
            return ValueTask.FromResult<GraphResponse?>(null);
        }

        var appId = call.Caller?.AppId ?? string.Empty;
        return ValueTask.FromResult(budget == Budget.Identity
            ? ChargeIdentity(call, segments, appId)
            : ChargeRequest(call, budget, appId));
    }

    private GraphResponse? ChargeIdentity(GraphCall call, System.Collections.Generic.IReadOnlyList<string> segments, string appId)
    {
        var units = ResourceUnitCost.Of(call.Request, segments);
        var write = ResourceUnitCost.IsWrite(call.Request, segments);
        var name = write ? Budget.Writes : Budget.Identity;
        call.ResponseHeaders["x-ms-resource-unit"] = units.ToString(CultureInfo.InvariantCulture);
        if (!budgets.Enabled)
        {
            call.Charge = new CallCharge(name, units, false, null);
            return null;
        }

        var now = clock.GetUtcNow();
        var resourceUnits = budgets.BucketFor(Budget.Identity, appId);
        var decision = resourceUnits.TryTake(units, now);
        if (!decision.Allowed)
        {
            return Throttle(call, name, units, decision, "ResourceUnitLimitExceeded", appId);
        }

        if (write)
        {
            var writeDecision = budgets.BucketFor(Budget.Writes, appId).TryTake(1, now);
            if (!writeDecision.Allowed)
            {
                resourceUnits.Refund(units);
                return Throttle(call, name, units, writeDecision, "WriteLimitExceeded", appId);
            }
        }

        call.Charge = new CallCharge(name, units, false, null);
        return null;
    }

    private GraphResponse? ChargeRequest(GraphCall call, string budget, string appId)
    {
        if (!budgets.Enabled)
        {
            call.Charge = new CallCharge(budget, 1, false, null);
            return null;
        }

        var decision = budgets.BucketFor(budget, appId).TryTake(1, clock.GetUtcNow());
        if (!decision.Allowed)
        {
            return Throttle(call, budget, 1, decision, null, appId);
        }

        call.Charge = new CallCharge(budget, 1, false, null);
        return null;
    }

    private GraphResponse Throttle(GraphCall call, string budget, int units, BucketDecision decision, string? information, string appId)
    {
        var retryAfter = budgets.All[budget].SendsRetryAfter ? decision.RetryAfterSeconds : (int?)null;
        call.Charge = new CallCharge(budget, units, true, retryAfter);
        call.ResponseHeaders.Remove("x-ms-resource-unit");
        var response = GraphResponse.Error(429, "TooManyRequests", "Too many requests. Retry after the interval in the Retry-After header, or back off.");
        if (retryAfter is { } seconds)
        {
            response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (information is not null)
        {
            response.Headers["x-ms-throttle-scope"] = $"Tenant_Application/ReadWrite/{appId}/{tenantId}";
            response.Headers["x-ms-throttle-information"] = information;
        }

        return response;
    }
}
