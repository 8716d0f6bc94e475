using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>
    /// A bulk run folds each user's sign-ins page by page; a one-user run reads them all at once. Both must keep the
    /// same sign-ins, or bulk and one-by-one verdicts would differ.
    /// </summary>
    public sealed class SignInDigestTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void FoldingInAnyOrder_KeepsWhatReadingAllAtOnceKeeps(int seed)
        {
            var random = new Random(seed);
            var signIns = Enumerable.Range(0, 40).Select(i => RandomSignIn(random, i)).ToList();
            var digest = new SignInDigest();

            foreach (var signIn in signIns.OrderBy(_ => random.Next()))
            {
                digest.Add(signIn);
                Assert.InRange(digest.Kept.Count, 1, 4);
            }

            var since = Now.AddDays(-1);
            Assert.Equal(SignInHistory.Read(signIns, since).SignIns, SignInHistory.Read(digest.Kept, since).SignIns);
        }

        [Fact]
        public void KeepsTheNewest_TheNewestMfa_TheNewestWithAnOperatingSystem_AndTheNewestWithAPasskey()
        {
            var passkey = Passkey(UserBuilder.SingleFactorSignIn(Now.AddHours(-7), id: "passkey") with { OperatingSystem = null });
            var mfa = UserBuilder.MfaSignIn(Now.AddHours(-5), operatingSystem: null, id: "mfa");
            var withOs = UserBuilder.SingleFactorSignIn(Now.AddHours(-3), id: "with-os");
            var newest = UserBuilder.SingleFactorSignIn(Now.AddHours(-1), id: "newest") with { OperatingSystem = null };
            var older = new[]
            {
                UserBuilder.MfaSignIn(Now.AddHours(-9), id: "old-mfa"), UserBuilder.SingleFactorSignIn(Now.AddHours(-8), id: "old-os"),
                Passkey(UserBuilder.SingleFactorSignIn(Now.AddHours(-10), id: "old-passkey")),
            };
            var digest = new SignInDigest();

            foreach (var signIn in older.Concat(new[] { passkey, mfa, withOs, newest }))
            {
                digest.Add(signIn);
            }

            var history = SignInHistory.Read(digest.Kept, Now.AddDays(-1));
            Assert.Equal(new[] { "newest", "with-os", "mfa", "passkey" }, history.SignIns.Select(s => s.Id));
            Assert.Equal("passkey", history.LatestWithPasskey!.Id);
        }

        private static SignInRecord Passkey(SignInRecord signIn) =>
            signIn with { Steps = new[] { new AuthenticationStep(signIn.CreatedAt, "FIDO2 security key", "Primary authentication", true) } };

        private static SignInRecord RandomSignIn(Random random, int index)
        {
            // Whole minutes, so several sign-ins share a time and the tie-break by id matters too.
            var at = Now.AddMinutes(-random.Next(0, 30));
            var signIn = random.Next(2) == 0
                ? UserBuilder.MfaSignIn(at, id: "s" + index)
                : UserBuilder.SingleFactorSignIn(at, id: "s" + index);
            signIn = random.Next(4) == 0 ? Passkey(signIn) : signIn;
            return random.Next(3) == 0 ? signIn with { OperatingSystem = null } : signIn;
        }
    }
}
