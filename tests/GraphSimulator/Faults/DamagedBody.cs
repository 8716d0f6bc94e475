using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Hosting;
using GraphSimulator.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GraphSimulator.Faults;

/// <summary>Serves a top-level response damaged: an HTML error page in place of its JSON, or its JSON cut off half way.</summary>
internal static class DamagedBody
{
    /// <summary>What a proxy or load balancer answers with when it has no JSON to give.</summary>
    public const string HtmlPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy received an invalid response from an upstream server.</p></body></html>";

    public static async Task WriteAsync(HttpResponse http, GraphResponse response, CancellationToken ct)
    {
        http.StatusCode = response.Status;
        byte[] body;
        if (response.BodyFault == BodyFault.Html)
        {
            http.ContentType = "text/html; charset=utf-8";
            body = Encoding.UTF8.GetBytes(HtmlPage);
        }
        else
        {
            http.ContentType = response.ContentType ?? GraphResponse.JsonContentType;
            var whole = response.Body is null ? Array.Empty<byte>() : Serialize(response);
            body = whole.AsSpan(0, whole.Length / 2).ToArray();
        }

        http.ContentLength = body.Length;
        await http.Body.WriteAsync(body, ct).ConfigureAwait(false);
    }

    private static byte[] Serialize(GraphResponse response)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutput.Options.Encoder }))
        {
            response.Body!.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
