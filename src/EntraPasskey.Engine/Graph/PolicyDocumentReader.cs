using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// The authentication methods policy as the bytes Graph sends: Entra limits its size (the Passkey (FIDO2)
    /// configuration and the other methods 20 KB each) and Microsoft's documentation measures it as the saved JSON of
    /// this GET, so the sizes come from the response itself (the typed models cannot give it back). The same bytes give the registration campaign, which TenantReader's snapshot does
    /// not keep. One request on the identity budget.
    /// </summary>
    internal sealed class PolicyDocumentReader
    {
        private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new Dictionary<string, ParsableFactory<IParsable>>
        {
            ["XXX"] = ODataError.CreateFromDiscriminatorValue,
        };

        private readonly GraphServiceClient _client;

        public PolicyDocumentReader(GraphServiceClient client)
        {
            _client = client;
        }

        public async Task<(MethodsPolicySize Size, RegistrationCampaign? Campaign)> ReadAsync(CancellationToken cancellationToken)
        {
            byte[] body;
            try
            {
                var request = _client.Policies.AuthenticationMethodsPolicy.ToGetRequestInformation();
                using var stream = await _client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken).ConfigureAwait(false)
                    ?? throw new EntraPasskeyException("PolicyUnreadable", ErrorKind.ServiceUnavailable, "Microsoft Graph returned an empty authentication methods policy.", "Run the command again.");
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy).ConfigureAwait(false);
                body = copy.ToArray();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw GraphErrors.FromException(ex, GraphCall.ReadPolicy, null, cancellationToken);
            }

            using var parse = new MemoryStream(body, writable: false);
            var policy = await KiotaJsonSerializer.DeserializeAsync(parse, AuthenticationMethodsPolicy.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            return (MethodsPolicySize.Measure(body), policy == null ? null : RegistrationCampaignMapper.Map(policy));
        }
    }
}
