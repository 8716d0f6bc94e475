using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// The sign-in rules, most decisive first, declared in one place: the account, then the methods policy (a passkey
    /// method off for the user stops every passkey), then the passkey profiles, then Conditional Access. A rule
    /// missing from this list, or listed twice, stops <see cref="Default"/> from being built.
    /// </summary>
    public static class SignInPrecedence
    {
        private static readonly Type[] MostDecisiveFirst =
        {
            typeof(SignInAccountDisabledRule),
            typeof(SignInMethodDisabledRule),
            typeof(SignInUserExcludedRule), // exclusion beats inclusion
            typeof(SignInUserNotTargetedRule),
            typeof(SignInProfileUnresolvedRule),
            typeof(SignInAaguidBlockedRule), // an explicit block list beats an allow list
            typeof(SignInAaguidNotAllowedRule),
            typeof(SignInPasskeyTypeNotAllowedRule),
            typeof(SignInBlockedByConditionalAccessRule),
            typeof(SignInStrengthExcludesPasskeysRule),
            typeof(SignInStrengthAaguidNotAllowedRule),
            typeof(SignInConditionalAccessUnreadableRule),
            typeof(SignInConditionalAccessScopeUnknownRule),
            typeof(SignInConditionalAccessDependsOnConditionsRule),
        };

        public static IReadOnlyList<ISignInRule> Default { get; } = Build(MostDecisiveFirst, Implementations());

        internal static IReadOnlyList<ISignInRule> Build(IReadOnlyList<Type> order, IEnumerable<Type> implementations)
        {
            var problems = order.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"{g.Key.Name} is listed more than once")
                .Concat(implementations.Except(order).Select(t => $"{t.Name} is not in the sign-in precedence"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The sign-in precedence does not match the rules: " + string.Join("; ", problems) + ".");
            }

            return order.Select(t => (ISignInRule)Activator.CreateInstance(t)).ToList();
        }

        private static IEnumerable<Type> Implementations() =>
            typeof(SignInPrecedence).Assembly.GetTypes().Where(t => typeof(ISignInRule).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface);
    }
}
