using System;

namespace EntraPasskey.Engine.LogAnalytics
{
    /// <summary>The Log Analytics query API of each national cloud; its root is also the token's resource.</summary>
    internal static class LogAnalyticsEndpoints
    {
        public static Uri For(CloudEnvironment environment)
        {
            switch (environment)
            {
                case CloudEnvironment.Global: return new Uri("https://api.loganalytics.io/");
                case CloudEnvironment.USGov:
                case CloudEnvironment.USGovDoD: return new Uri("https://api.loganalytics.us/");
                case CloudEnvironment.China: return new Uri("https://api.loganalytics.azure.cn/");
                default: throw new ArgumentOutOfRangeException(nameof(environment), environment, null);
            }
        }

        /// <summary>
        /// A custom endpoint (a proxy, the simulator) must be absolute http(s); plain http only on loopback, because
        /// the token goes with every query.
        /// </summary>
        public static Uri Validate(Uri endpoint)
        {
            var valid = endpoint.IsAbsoluteUri
                && (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));
            if (!valid)
            {
                throw new EntraPasskeyException(
                    "LogAnalyticsEndpointInvalid", ErrorKind.InvalidArgument,
                    $"The Log Analytics endpoint '{endpoint}' is not an absolute https URL (plain http is accepted only on loopback).",
                    "Omit -LogAnalyticsEndpoint to use the cloud's endpoint, or pass an https URL such as https://api.loganalytics.io.",
                    endpoint.ToString());
            }

            return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
