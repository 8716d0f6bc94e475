using System;
using Azure.Identity;
using EntraPasskey.Engine.Connection;
using Xunit;

namespace EntraPasskey.Engine.Tests.Connection
{
    /// <summary>Each -Environment against graph-facts §10.4: tokens are not interchangeable between clouds.</summary>
    public sealed class CloudEndpointsTests
    {
        [Theory]
        [InlineData(CloudEnvironment.Global, "https://graph.microsoft.com/", "login.microsoftonline.com", nameof(AzureAuthorityHosts.AzurePublicCloud))]
        [InlineData(CloudEnvironment.USGov, "https://graph.microsoft.us/", "login.microsoftonline.us", nameof(AzureAuthorityHosts.AzureGovernment))]
        [InlineData(CloudEnvironment.USGovDoD, "https://dod-graph.microsoft.us/", "login.microsoftonline.us", nameof(AzureAuthorityHosts.AzureGovernment))]
        [InlineData(CloudEnvironment.China, "https://microsoftgraph.chinacloudapi.cn/", "login.chinacloudapi.cn", nameof(AzureAuthorityHosts.AzureChina))]
        public void Endpoints_AreTheCloudsGraphRootAndSignInHost(CloudEnvironment environment, string graphRoot, string authorityHost, string azureIdentityConstant)
        {
            var authority = CloudEndpoints.Authority(environment);

            Assert.Equal(graphRoot, CloudEndpoints.GraphRoot(environment).AbsoluteUri);
            Assert.Equal("https://" + authorityHost + "/", authority.AbsoluteUri);
            // Azure.Identity's own name for the cloud agrees, so credentials never fall back to another cloud's host.
            Assert.Equal(typeof(AzureAuthorityHosts).GetProperty(azureIdentityConstant)!.GetValue(null), authority);
        }

        [Theory]
        [InlineData(CloudEnvironment.Global, "https://graph.microsoft.com/")]
        [InlineData(CloudEnvironment.USGov, "https://graph.microsoft.us/")]
        [InlineData(CloudEnvironment.USGovDoD, "https://dod-graph.microsoft.us/")]
        [InlineData(CloudEnvironment.China, "https://microsoftgraph.chinacloudapi.cn/")]
        public void TokenScope_IsForTheCloudsGraph(CloudEnvironment environment, string graphRoot)
        {
            var appOnly = Scopes.For(new ConnectionRequest { Mode = ConnectionMode.ClientSecret, Environment = environment });
            var delegated = Scopes.For(new ConnectionRequest { Mode = ConnectionMode.DeviceCode, Environment = environment });

            Assert.Equal(new[] { graphRoot + ".default" }, appOnly);
            Assert.Equal(Array.ConvertAll(Scopes.DelegatedDefault, scope => graphRoot + scope), delegated);
        }

        [Fact]
        public void TokenScope_StaysTheCloudsWhenCallsGoToAnotherEndpoint()
        {
            var request = new ConnectionRequest
            {
                Mode = ConnectionMode.ClientSecret,
                Environment = CloudEnvironment.USGov,
                GraphEndpoint = new Uri("https://graph-proxy.contoso.test"),
            };

            Assert.Equal(new[] { "https://graph.microsoft.us/.default" }, Scopes.For(request));
        }
    }
}
