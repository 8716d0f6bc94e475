using System.Text;
using EntraPasskey.Engine.Design;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design
{
    public sealed class MethodsPolicySizeTests
    {
        private const string Fido2 = "{\"@odata.type\":\"#microsoft.graph.fido2AuthenticationMethodConfiguration\",\"id\":\"Fido2\",\"state\":\"enabled\",\"passkeyProfiles\":[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"Default passkey profile\"}]}";
        private const string Sms = "{\"@odata.type\":\"#microsoft.graph.smsAuthenticationMethodConfiguration\",\"id\":\"Sms\",\"state\":\"disabled\"}";

        [Fact]
        public void Measure_SplitsTheFido2EntryFromTheRest()
        {
            var body = Encoding.UTF8.GetBytes("{\"id\":\"authenticationMethodsPolicy\",\"authenticationMethodConfigurations\":[" + Sms + "," + Fido2 + "]}");

            var size = MethodsPolicySize.Measure(body);

            Assert.Equal(Encoding.UTF8.GetByteCount(Fido2), size.PasskeyBytes);
            Assert.Equal(body.Length - Encoding.UTF8.GetByteCount(Fido2), size.OtherMethodsBytes);
        }

        [Fact]
        public void Measure_WithoutAFido2Entry_CountsEverythingAsOtherMethods()
        {
            var body = Encoding.UTF8.GetBytes("{\"id\":\"authenticationMethodsPolicy\",\"authenticationMethodConfigurations\":[" + Sms + "]}");

            var size = MethodsPolicySize.Measure(body);

            Assert.Equal(0, size.PasskeyBytes);
            Assert.Equal(body.Length, size.OtherMethodsBytes);
        }

        [Fact]
        public void Measure_FindsTheEntryWhateverTheCaseOfItsId()
        {
            var lower = Fido2.Replace("\"Fido2\"", "\"fido2\"");
            var body = Encoding.UTF8.GetBytes("{\"authenticationMethodConfigurations\":[" + lower + "]}");

            Assert.Equal(Encoding.UTF8.GetByteCount(lower), MethodsPolicySize.Measure(body).PasskeyBytes);
        }
    }
}
