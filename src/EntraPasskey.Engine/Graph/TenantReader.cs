using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Reads the tenant-wide evidence, once per run: the authentication methods policy, security defaults and
    /// Conditional Access in parallel, then the names of the groups they target.
    /// </summary>
    internal sealed class TenantReader
    {
        private readonly GraphServiceClient _client;
        private readonly GroupNameReader _groups;
        private readonly EngineLog _log;

        public TenantReader(EntraPasskeyConnection connection, EngineLog log)
        {
            _client = connection.Graph;
            _groups = new GroupNameReader(connection.Graph, new BatchExecutor(connection.Graph, connection.Retries));
            _log = log;
        }

        /// <summary>Everything tenant-wide a diagnosis reads: methods policy, security defaults, registration and All-resources CA, target groups.</summary>
        public async Task<TenantSnapshot> ReadTenantAsync(CancellationToken cancellationToken)
        {
            var defaultsTask = ReadSecurityDefaultsAsync(cancellationToken);
            var conditionalAccessTask = ReadConditionalAccessAsync(cancellationToken);
            var (state, fido2, methods) = await ReadMethodsPolicyAsync(cancellationToken).ConfigureAwait(false);
            var defaults = await defaultsTask.ConfigureAwait(false);
            var conditionalAccess = await conditionalAccessTask.ConfigureAwait(false);
            var groups = await _groups.ReadAsync(
                TargetGroupIds(methods)
                    .Concat(conditionalAccess.RegistrationPolicies.SelectMany(p => p.Users.IncludeGroups.Concat(p.Users.ExcludeGroups)))
                    .Concat(conditionalAccess.AllResourcesPolicies.SelectMany(p => p.Users.IncludeGroups.Concat(p.Users.ExcludeGroups))),
                cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Read the authentication methods policy: Passkey (FIDO2) {(fido2.Enabled ? "enabled" : "disabled")}, migration state {state}, {groups.Count} target group(s).");
            _log.Verbose(defaults.Gap == null
                ? $"Security defaults are {(defaults.Enabled == true ? "on" : "off")}."
                : "Security defaults unknown: " + defaults.Gap.Why);
            if (conditionalAccess.Gap == null)
            {
                _log.Verbose($"Read {conditionalAccess.RegistrationPolicies.Count} Conditional Access policy(ies) on 'Register security information' and {conditionalAccess.AllResourcesPolicies.Count} on All resources.");
            }
            else
            {
                _log.Warning(
                    $"Conditional Access policies could not be read: {conditionalAccess.Gap.Why.TrimEnd('.')}. What they could decide is Unknown for every user "
                    + "(layer 3, MFA bootstrap, for Test-EntraPasskey; the passkeys they cover for Test-EntraPasskeySignIn); each user's finding says so briefly.");
            }

            return new TenantSnapshot(state, fido2, methods, groups)
            {
                SecurityDefaults = defaults,
                ConditionalAccess = conditionalAccess,
            };
        }

        /// <summary>
        /// Only the authentication methods policy and the groups it targets: what issuing a Temporary Access Pass
        /// needs. Security defaults and Conditional Access stay "not read".
        /// </summary>
        public async Task<TenantSnapshot> ReadMethodsPolicyOnlyAsync(CancellationToken cancellationToken)
        {
            var (state, fido2, methods) = await ReadMethodsPolicyAsync(cancellationToken).ConfigureAwait(false);
            var groups = await _groups.ReadAsync(TargetGroupIds(methods), cancellationToken).ConfigureAwait(false);
            return new TenantSnapshot(state, fido2, methods, groups);
        }

        private async Task<(PolicyMigrationState State, Fido2Policy Fido2, IReadOnlyList<MethodPolicy> Methods)> ReadMethodsPolicyAsync(CancellationToken cancellationToken)
        {
            AuthenticationMethodsPolicy? policy;
            try
            {
                policy = await _client.Policies.AuthenticationMethodsPolicy.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw WhatItCosts(GraphErrors.FromException(ex, GraphCall.ReadPolicy, null, cancellationToken));
            }

            if (policy == null)
            {
                throw new EntraPasskeyException("PolicyUnreadable", ErrorKind.ServiceUnavailable, "Microsoft Graph returned an empty authentication methods policy.", "Run the command again.");
            }

            return PolicyMapper.Map(policy);
        }

        private async Task<SecurityDefaults> ReadSecurityDefaultsAsync(CancellationToken cancellationToken)
        {
            try
            {
                var policy = await _client.Policies.IdentitySecurityDefaultsEnforcementPolicy.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return policy?.IsEnabled == true ? SecurityDefaults.On : SecurityDefaults.Off;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SecurityDefaults.Unknown(EvidenceGaps.From(ex, GraphCall.ReadSecurityDefaults, cancellationToken));
            }
        }

        /// <summary>
        /// One request per run: Conditional Access allows 1 request per second per tenant and sends no Retry-After
        /// (graph-facts §8.2). Further pages are followed only if Graph pages the list.
        /// </summary>
        private async Task<ConditionalAccessEvidence> ReadConditionalAccessAsync(CancellationToken cancellationToken)
        {
            try
            {
                var policies = new List<RegistrationPolicy>();
                var allResources = new List<AllResourcesPolicy>();
                var page = await _client.Identity.ConditionalAccess.Policies.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                while (page != null)
                {
                    var values = page.Value ?? new List<ConditionalAccessPolicy>();
                    policies.AddRange(values.Select(ConditionalAccessMapper.Map).Where(p => p != null).Select(p => p!));
                    allResources.AddRange(values.Select(ConditionalAccessMapper.MapAllResources).Where(p => p != null).Select(p => p!));
                    page = string.IsNullOrEmpty(page.OdataNextLink)
                        ? null
                        : await _client.Identity.ConditionalAccess.Policies.WithUrl(page.OdataNextLink!).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return ConditionalAccessEvidence.Read(policies, allResources);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return ConditionalAccessEvidence.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadConditionalAccess, cancellationToken));
            }
        }

        /// <summary>A lasting refusal of the methods policy says what it costs: every check starts from that policy.</summary>
        private static Exception WhatItCosts(Exception error) =>
            error is EntraPasskeyException { Kind: ErrorKind.PermissionDenied } denied
                ? new EntraPasskeyException(
                    denied.ErrorId, denied.Kind, denied.Message + " Every check starts from that policy, so no user can be checked without it.",
                    denied.RecommendedAction, denied.Target, denied.InnerException).WithBrief(denied.Brief!)
                : error;

        private static IEnumerable<string> TargetGroupIds(IEnumerable<MethodPolicy> methods) =>
            methods.SelectMany(m => m.IncludeTargets.Concat(m.ExcludeTargets)).Where(t => t.Kind == PolicyTargetKind.Group).Select(t => t.Id);
    }
}
