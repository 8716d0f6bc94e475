using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// One call through the proxy: what was asked and what the simulator answered, or what to do instead: answer
    /// something else, answer after <paramref name="DelayMs"/>, or <paramref name="Reset"/> the connection.
    /// </summary>
    public sealed record Exchange(string Method, string PathAndQuery, int Status, string Body, string RequestBody = "", int DelayMs = 0, bool Reset = false);

    /// <summary>
    /// A loopback HTTP proxy (Kestrel, as the simulator) in front of the simulator that lets a test rewrite replies
    /// the simulator never gives: an empty policy, a user without an id, a page that links to itself, a body that is
    /// not JSON, a reply that never comes in time, a connection reset.
    /// </summary>
    public sealed class TamperingProxy : IDisposable
    {
        private readonly HttpClient _upstream;
        private readonly Func<Exchange, Exchange> _tamper;
        private readonly WebApplication _app;
        private int _abandoned;

        public TamperingProxy(Uri upstream, Func<Exchange, Exchange> tamper)
        {
            _tamper = tamper;
            _upstream = new HttpClient { BaseAddress = upstream };
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "TamperingProxy" });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(RelayAsync);
            _app.StartAsync().GetAwaiter().GetResult();
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            Root = new Uri(address + "/");
        }

        public Uri Root { get; }

        /// <summary>Delayed answers the client stopped waiting for (it closed the connection first).</summary>
        public int Abandoned => System.Threading.Volatile.Read(ref _abandoned);

        public void Dispose()
        {
            _app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)_app).Dispose();
            _upstream.Dispose();
        }

        private async Task RelayAsync(HttpContext http)
        {
            var request = http.Request;
            var pathAndQuery = request.Path.Value + request.QueryString.Value;
            using var forward = new HttpRequestMessage(new HttpMethod(request.Method), pathAndQuery);
            if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            {
                forward.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body).ConfigureAwait(false);
            var requestBody = Encoding.UTF8.GetString(body.ToArray());
            if (body.Length > 0)
            {
                forward.Content = new ByteArrayContent(body.ToArray());
                forward.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
            }

            using var reply = await _upstream.SendAsync(forward).ConfigureAwait(false);
            var text = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
            var answer = _tamper(new Exchange(request.Method, pathAndQuery, (int)reply.StatusCode, text, requestBody));
            if (answer.DelayMs > 0)
            {
                try
                {
                    await Task.Delay(answer.DelayMs, http.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up waiting (a test of timeouts): nobody is left to answer.
                    System.Threading.Interlocked.Increment(ref _abandoned);
                    return;
                }
            }

            if (answer.Reset)
            {
                http.Abort();
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            http.Response.StatusCode = answer.Status;
            if (bytes.Length > 0)
            {
                http.Response.ContentType = "application/json";
            }

            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
