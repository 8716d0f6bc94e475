using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Design
{
    /// <summary>
    /// One Test-PasskeyPolicyDesign run. Gathers what the checks need, reusing the diagnosis' own readers (the tenant
    /// snapshot, $batch, user evidence) and adding the policy document (size, registration campaign), group sizes and
    /// the registration report; then judges every check. Only an unreadable methods policy is an error: everything
    /// else that cannot be read turns the checks that need it into Unknown findings that say why.
    /// </summary>
    public sealed class PolicyDesignAudit
    {
        /// <summary>At most this many users with synced passkeys are read in full (3 requests each, 6 users to a $batch).</summary>
        internal const int MaxSyncedHolders = 60;

        private readonly Func<DateTimeOffset> _clock;

        public PolicyDesignAudit(Func<DateTimeOffset>? clock = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public EngineLog Log { get; } = new EngineLog();

        public async Task<PolicyDesignReport> RunAsync(EntraPasskeyConnection connection, CancellationToken cancellationToken)
        {
            var graph = connection.Graph;
            var now = _clock();
            var tenantTask = new TenantReader(connection, Log).ReadTenantAsync(cancellationToken);
            var documentTask = new PolicyDocumentReader(graph).ReadAsync(cancellationToken);
            var registrationsTask = new RegistrationDetailsReader(graph, Log).ReadAsync(cancellationToken);
            try
            {
                // Nothing is left running when one read fails; the awaits below rethrow the first failure, the policy's first.
                await Task.WhenAll(tenantTask, documentTask, registrationsTask).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
            }

            var tenant = await tenantTask.ConfigureAwait(false);
            var (size, campaign) = await documentTask.ConfigureAwait(false);
            var sizes = await ReadSizesAsync(connection, tenant, campaign, cancellationToken).ConfigureAwait(false);
            var registrations = await registrationsTask.ConfigureAwait(false);
            var synced = await ReadSyncedHoldersAsync(connection, tenant, registrations, now, cancellationToken).ConfigureAwait(false);

            var input = new DesignInput(tenant, now)
            {
                Sizes = sizes,
                Campaign = campaign,
                PolicySize = size,
                Registrations = registrations,
                SyncedPasskeys = synced,
            };
            var findings = DesignCheckSet.Default.Judge(input, now);
            return new PolicyDesignReport(Summarise(connection.Context.TenantId, input), findings);
        }

        private async Task<AudienceSizes> ReadSizesAsync(EntraPasskeyConnection connection, TenantSnapshot tenant, RegistrationCampaign? campaign, CancellationToken cancellationToken)
        {
            var ids = CountedGroups(tenant, campaign).Where(id => tenant.Group(id).Exists).ToList();
            try
            {
                var sizes = await new GroupSizeReader(connection).ReadAsync(ids, cancellationToken).ConfigureAwait(false);
                if (sizes.Gap != null)
                {
                    Log.Warning("Some group sizes could not be counted, so affected-user counts are missing where they need them: " + sizes.Gap);
                }

                return sizes;
            }
            catch (EntraPasskeyException error)
            {
                Log.Warning("Group sizes could not be counted, so findings carry no affected-user counts: " + error.Message);
                return AudienceSizes.Unknown(error.Message);
            }
        }

        /// <summary>The groups whose size a finding may quote: method targets, Conditional Access scopes, campaign targets.</summary>
        private static IEnumerable<string> CountedGroups(TenantSnapshot tenant, RegistrationCampaign? campaign)
        {
            var targets = tenant.Fido2.IncludeTargets.Concat(tenant.Fido2.ExcludeTargets)
                .Concat(tenant.Tap?.IncludeTargets ?? Array.Empty<PolicyTarget>())
                .Concat(campaign?.IncludeTargets.Select(t => t.Target) ?? Enumerable.Empty<PolicyTarget>());
            var conditionalAccess = tenant.ConditionalAccess.RegistrationPolicies.SelectMany(p => p.Users.IncludeGroups)
                .Concat(tenant.ConditionalAccess.AllResourcesPolicies.SelectMany(p => p.Users.IncludeGroups));
            return targets.Where(t => t.Kind == PolicyTargetKind.Group).Select(t => t.Id).Concat(conditionalAccess).Distinct(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Users the report lists with a synced passkey, read in full up to a cap, but only when some profile could
        /// reject a synced passkey at sign-in (one that does not admit synced, or that restricts AAGUIDs).
        /// </summary>
        private async Task<SyncedPasskeyHolders> ReadSyncedHoldersAsync(EntraPasskeyConnection connection, TenantSnapshot tenant, RegistrationDetails registrations, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (registrations.Gap is { } gap)
            {
                return SyncedPasskeyHolders.Unavailable(gap);
            }

            var holders = registrations.Users.Where(u => u.Has("passKeySynced")).Select(u => u.Id).ToList();
            var couldReject = ProfilesInUse.Of(tenant.Fido2).Any(p => (p.Profile.PasskeyTypes & PasskeyTypes.Synced) == 0 || p.Profile.KeyRestrictions.IsEnforced);
            if (holders.Count == 0 || !couldReject)
            {
                return SyncedPasskeyHolders.Read(Array.Empty<UserEvidence>(), holders.Count);
            }

            var reader = new UserReader(connection);
            var users = new List<UserEvidence>();
            EntraPasskeyException? firstError = null;
            foreach (var chunk in holders.Take(MaxSyncedHolders).Select((id, i) => (id, i)).GroupBy(x => x.i / UserReader.UsersPerBatch, x => x.id))
            {
                foreach (var read in await reader.ReadUsersAsync(chunk.ToList(), cancellationToken).ConfigureAwait(false))
                {
                    if (read.Evidence != null)
                    {
                        users.Add(read.Evidence);
                    }
                    else
                    {
                        firstError ??= read.Error;
                    }
                }
            }

            if (users.Count == 0 && firstError != null)
            {
                // The error's message names the missing permission, if that is what failed.
                return SyncedPasskeyHolders.Unavailable(new EvidenceGap(firstError.Message, null, firstError.Kind == ErrorKind.PermissionDenied));
            }

            Log.Verbose($"Read {users.Count} of the {holders.Count} user(s) with synced passkeys to judge them against their passkey profiles.");
            return SyncedPasskeyHolders.Read(users, holders.Count);
        }

        private static DesignTenantSummary Summarise(string? tenantId, DesignInput input)
        {
            var tenant = input.Tenant;
            var fido2 = tenant.Fido2;
            return new DesignTenantSummary(
                tenantId,
                input.Now,
                input.Sizes.TenantUsers,
                !fido2.Enabled ? "disabled" : fido2.IncludeTargets.Any(t => t.Kind == PolicyTargetKind.AllUsers) ? "enabled for all users" : $"enabled for {fido2.IncludeTargets.Count} target(s)",
                fido2.PasskeyProfiles.Count,
                input.Campaign == null ? "none" : input.Campaign.State == CampaignState.MicrosoftManaged ? "Microsoft managed" : input.Campaign.State.ToString(),
                tenant.SecurityDefaults.Enabled == null ? "unknown" : tenant.SecurityDefaults.Enabled == true ? "on" : "off",
                tenant.MigrationState.ToString(),
                input.Registrations.Gap == null ? input.Registrations.Users.Count : (int?)null,
                input.PolicySize);
        }
    }
}
