using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Removal;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Removal
{
    /// <summary>Removing passkeys and revoking sessions through the real Graph SDK against the simulator over HTTP.</summary>
    public sealed class PasskeyRemoverTests : IClassFixture<SimulatorFixture>
    {
        private const string Zoe = "ZoeR@contoso.com";
        private const string ZoeKeyring = "Ys2zE5jU0vI7cP9qM3oD6l0";
        private const string ZoeDesk = "Zt3aF6kV1wJ8dQ0rN4pE7m1";

        private static readonly string[] Readers = { "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All" };
        private static readonly string[] Remover = Readers.Append("UserAuthMethod-Passkey.ReadWrite.All").ToArray();
        private static readonly string[] RemoverAndRevoker = Remover.Append("User.RevokeSessions.All").ToArray();

        private readonly SimulatorFixture _sim;

        public PasskeyRemoverTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Host.Reset();
            _sim.Host.ClearRequests();
        }

        [Fact]
        public async Task Remove_DeletesThePasskeyAndRevokesTheSessionsFirst()
        {
            using var connection = await _sim.ConnectAsync(RemoverAndRevoker);
            var remover = new PasskeyRemover(connection);

            var plan = await remover.PlanAsync(Zoe, PasskeyRemovalRequest.ByMethodId(ZoeKeyring, revokeSessions: true, force: false), CancellationToken.None);
            var removed = await remover.RemoveAsync(plan, CancellationToken.None);

            Assert.Equal((Zoe, "d38e7d0f-5c9a-4fce-a3b8-9e4f2c5b7a80", ZoeKeyring), (removed.UserPrincipalName, removed.UserId, removed.MethodId));
            Assert.Equal(("YubiKey (keyring)", "YubiKey 5 Series with NFC", "deviceBound"), (removed.PasskeyName, removed.Model, removed.PasskeyType));
            Assert.Equal(new Guid("2fc0579f-8113-47ea-b116-bb5a8db9202a"), removed.Aaguid);
            Assert.True(removed.SessionsRevoked);
            Assert.False(removed.NeedsTemporaryAccessPass);
            Assert.Contains("passkey (FIDO2) 'YubiKey (desk)'", removed.RemainingMfaMethods);
            var writes = _sim.Host.Requests.Where(r => r.Method != "GET").Select(r => (r.Method, r.Path, r.Status)).ToList();
            Assert.Equal(
                new[]
                {
                    ("POST", "/v1.0/users/d38e7d0f-5c9a-4fce-a3b8-9e4f2c5b7a80/revokeSignInSessions", 200),
                    ("DELETE", $"/v1.0/users/d38e7d0f-5c9a-4fce-a3b8-9e4f2c5b7a80/authentication/fido2Methods/{ZoeKeyring}", 204),
                },
                writes.Where(w => w.Path != "/v1.0/$batch"));
            Assert.Equal(2, (await connection.Graph.Users[Zoe].Authentication.Fido2Methods.GetAsync())!.Value!.Count);
        }

        [Fact]
        public async Task Plan_WritesNothing()
        {
            using var connection = await _sim.ConnectAsync(RemoverAndRevoker);
            var remover = new PasskeyRemover(connection);

            await remover.PlanAsync(Zoe, PasskeyRemovalRequest.ByMethodId(ZoeDesk, revokeSessions: true, force: false), CancellationToken.None);

            Assert.NotEmpty(_sim.Host.Requests);
            Assert.All(_sim.Host.Requests, r => Assert.True(r.Method == "GET" || r.Path == "/v1.0/$batch", $"{r.Method} {r.Path}"));
        }

        [Fact]
        public async Task Remove_WithoutTheRevokePermission_NamesItAndRemovesNothing()
        {
            using var connection = await _sim.ConnectAsync(Remover);
            var remover = new PasskeyRemover(connection);
            var plan = await remover.PlanAsync(Zoe, PasskeyRemovalRequest.ByMethodId(ZoeDesk, revokeSessions: true, force: false), CancellationToken.None);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => remover.RemoveAsync(plan, CancellationToken.None));

            Assert.Equal(("PermissionDenied", ErrorKind.PermissionDenied), (error.ErrorId, error.Kind));
            Assert.Contains("User.RevokeSessions.All", error.Message);
            Assert.Contains("Authentication Administrator", error.RecommendedAction);
            Assert.Equal(Zoe, error.Target);
            Assert.DoesNotContain(_sim.Host.Requests, r => r.Method == "DELETE");
        }

        [Fact]
        public async Task Remove_WithoutTheDeletePermission_NamesItAndSaysTheSessionsWereRevoked()
        {
            using var connection = await _sim.ConnectAsync(Readers.Append("User.RevokeSessions.All").ToArray());
            var remover = new PasskeyRemover(connection);
            var plan = await remover.PlanAsync(Zoe, PasskeyRemovalRequest.ByMethodId(ZoeDesk, revokeSessions: true, force: false), CancellationToken.None);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => remover.RemoveAsync(plan, CancellationToken.None));

            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Contains("UserAuthMethod-Passkey.ReadWrite.All", error.Message);
            Assert.Contains("sign-in sessions were revoked; the passkey was not removed", error.Message);
        }

        [Fact]
        public async Task Remove_APasskeyGoneMeanwhile_IsPasskeyNotFound()
        {
            using var connection = await _sim.ConnectAsync(Remover);
            var first = new PasskeyRemover(connection);
            var plan = await first.PlanAsync(Zoe, PasskeyRemovalRequest.ByMethodId(ZoeDesk, revokeSessions: false, force: false), CancellationToken.None);
            await new PasskeyRemover(connection).RemoveAsync(plan, CancellationToken.None);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => first.RemoveAsync(plan, CancellationToken.None));

            Assert.Equal(("PasskeyNotFound", ErrorKind.NotFound), (error.ErrorId, error.Kind));
            Assert.Contains("no longer registered", error.Message);
        }

        [Fact]
        public async Task Plan_TheOnlyMfaMethod_IsRefusedBeforeAnyWrite()
        {
            using var connection = await _sim.ConnectAsync(RemoverAndRevoker);
            var remover = new PasskeyRemover(connection);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() =>
                remover.PlanAsync("FelixG@contoso.com", PasskeyRemovalRequest.ByAaguid(new Guid("2fc0579f-8113-47ea-b116-bb5a8db9202a"), true, false), CancellationToken.None));

            Assert.Equal("LastMfaMethod", error.ErrorId);
            Assert.Contains("(their other methods, password, cannot)", error.Message);
            Assert.All(_sim.Host.Requests, r => Assert.True(r.Method == "GET" || r.Path == "/v1.0/$batch"));
        }

        [Fact]
        public async Task Plan_UnknownUser_IsUserNotFound()
        {
            using var connection = await _sim.ConnectAsync(Remover);
            var remover = new PasskeyRemover(connection);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() =>
                remover.PlanAsync("nobody@contoso.com", PasskeyRemovalRequest.ByMethodId(ZoeDesk, false, false), CancellationToken.None));

            Assert.Equal(("UserNotFound", "nobody@contoso.com"), (error.ErrorId, error.Target));
        }
    }
}
