using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.SignIn;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Every reason code has a test that produces it, in its rule's own test class (<c>&lt;Rule&gt;Tests</c>, in the
    /// folder of the rule's layer, or Rules/SignIn for Test-EntraPasskeySignIn's rules, its logs and its verdict): this
    /// runs each rule's tests again while recording the reason codes their diagnoses give.
    /// </summary>
    public sealed class ReasonCodeCoverageTests
    {
        /// <summary>Every producer of reason codes by name: the layer rules, the sign-in rules, the sign-in logs and the sign-in verdict.</summary>
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Producers =
            RuleSet.Default.All.Select(r => (Name: r.GetType().Name, Codes: r.ReasonCodes))
                .Concat(SignInPrecedence.Default.Select(r => (Name: r.GetType().Name, Codes: r.ReasonCodes)))
                .Append((Name: nameof(SignInLogs), Codes: SignInLogs.ReasonCodes))
                .Append((Name: nameof(SignInJudge), Codes: (IReadOnlyList<string>)new[] { SignInJudge.NoPasskeyCode }))
                .Where(p => p.Codes.Count > 0)
                .ToDictionary(p => p.Name, p => p.Codes);

        public static TheoryData<string> RulesWithReasonCodes()
        {
            var data = new TheoryData<string>();
            foreach (var name in Producers.Keys)
            {
                data.Add(name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(RulesWithReasonCodes))]
        public void EveryReasonCode_IsProducedByATestOfItsRule(string ruleName)
        {
            var codes = Producers[ruleName];
            var testClass = typeof(ReasonCodeCoverageTests).Assembly.GetType($"{typeof(ReasonCodeCoverageTests).Namespace}.{ruleName}Tests");
            Assert.True(testClass != null, $"{ruleName} has no test class {ruleName}Tests.");

            var produced = ProducedReasons.During(() => RunEveryTest(testClass!));

            var untested = codes.Except(produced).ToList();
            Assert.True(untested.Count == 0, $"No test in {ruleName}Tests produces {string.Join(", ", untested)}.");
        }

        [Fact]
        public void ARuleWhoseTestsNeverGiveItsCode_IsFound()
        {
            var produced = ProducedReasons.During(() => RunEveryTest(typeof(AccountDisabledRuleTests)));

            Assert.Contains("AccountDisabled", produced);
            Assert.DoesNotContain("GuestUser", produced);
        }

        private static void RunEveryTest(Type testClass)
        {
            foreach (var method in testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var arguments in Cases(method))
                {
                    try
                    {
                        method.Invoke(Activator.CreateInstance(testClass), arguments);
                    }
                    catch (TargetInvocationException failed)
                    {
                        throw new InvalidOperationException($"{testClass.Name}.{method.Name} failed.", failed.InnerException);
                    }
                }
            }
        }

        /// <summary>The argument lists xunit would run the method with: one empty list for a fact, one per InlineData.</summary>
        private static IEnumerable<object?[]> Cases(MethodInfo method)
        {
            if (method.GetCustomAttribute<FactAttribute>() is TheoryAttribute)
            {
                var parameters = method.GetParameters();
                return method.GetCustomAttributes<InlineDataAttribute>()
                    .SelectMany(data => data.GetData(method))
                    .Select(values => Arguments(parameters, values));
            }

            return method.GetCustomAttribute<FactAttribute>() != null ? new[] { Array.Empty<object?>() } : Array.Empty<object?[]>();
        }

        /// <summary>InlineData's values as the parameters take them, the trailing ones packed into a params array.</summary>
        private static object?[] Arguments(ParameterInfo[] parameters, object?[] values)
        {
            var last = parameters.Length - 1;
            if (last >= 0 && parameters[last].IsDefined(typeof(ParamArrayAttribute)) && !(values.Length == parameters.Length && parameters[last].ParameterType.IsInstanceOfType(values[last])))
            {
                var element = parameters[last].ParameterType.GetElementType()!;
                var packed = Array.CreateInstance(element, values.Length - last);
                for (var i = last; i < values.Length; i++)
                {
                    packed.SetValue(Convert(values[i], element), i - last);
                }

                values = values.Take(last).Append(packed).ToArray();
            }

            return values.Select((value, i) => Convert(value, parameters[i].ParameterType)).ToArray();
        }

        private static object? Convert(object? value, Type type)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (value == null || target.IsInstanceOfType(value))
            {
                return value;
            }

            return target.IsEnum ? Enum.ToObject(target, value) : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
