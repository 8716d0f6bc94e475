using System;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>Graph root and sign-in authority of each national cloud (graph-facts §10.4).</summary>
    internal static class CloudEndpoints
    {
        public static Uri GraphRoot(CloudEnvironment environment)
        {
            switch (environment)
            {
                case CloudEnvironment.Global: return new Uri("https://graph.microsoft.com");
                case CloudEnvironment.USGov: return new Uri("https://graph.microsoft.us");
                case CloudEnvironment.USGovDoD: return new Uri("https://dod-graph.microsoft.us");
                case CloudEnvironment.China: return new Uri("https://microsoftgraph.chinacloudapi.cn");
                default: throw new ArgumentOutOfRangeException(nameof(environment), environment, null);
            }
        }

        public static Uri Authority(CloudEnvironment environment)
        {
            switch (environment)
            {
                case CloudEnvironment.Global: return new Uri("https://login.microsoftonline.com/");
                case CloudEnvironment.USGov:
                case CloudEnvironment.USGovDoD: return new Uri("https://login.microsoftonline.us/");
                case CloudEnvironment.China: return new Uri("https://login.chinacloudapi.cn/");
                default: throw new ArgumentOutOfRangeException(nameof(environment), environment, null);
            }
        }
    }
}
