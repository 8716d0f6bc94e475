using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// What a command that changes one user at a time reads before it plans the change (New-PasskeyBootstrapTap,
    /// Remove-EntraPasskey): the methods policy once per run (read again by a later user after a passing failure),
    /// and per user the account, its methods and groups, without sign-ins. A failure names the input it was for.
    /// </summary>
    internal sealed class WriteTargetReader
    {
        private readonly UserReader _userReader;
        private readonly RunWideRead<TenantSnapshot> _tenant;

        public WriteTargetReader(EntraPasskeyConnection connection, EngineLog log)
        {
            var tenantReader = new TenantReader(connection, log);
            _userReader = new UserReader(connection);
            _tenant = new RunWideRead<TenantSnapshot>(tenantReader.ReadMethodsPolicyOnlyAsync, _ => false);
        }

        /// <summary>The tenant's policy and the user <paramref name="input"/> names; throws the error that stops this user.</summary>
        public async Task<(TenantSnapshot Tenant, UserEvidence User)> ReadAsync(string input, CancellationToken cancellationToken)
        {
            if (!UserKey.TryParse(input, out var key, out var invalid))
            {
                throw invalid!;
            }

            var tenantTask = _tenant.GetAsync(cancellationToken);
            var read = (await _userReader.ReadUsersAsync(new[] { key }, cancellationToken).ConfigureAwait(false)).Single();
            TenantSnapshot tenant;
            try
            {
                tenant = await tenantTask.ConfigureAwait(false);
            }
            catch (EntraPasskeyException error)
            {
                throw error.WithTarget(input);
            }

            return (tenant, read.Evidence ?? throw read.Error!.WithTarget(input));
        }
    }
}
