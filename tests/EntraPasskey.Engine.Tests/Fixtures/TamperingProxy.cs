using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>One call through the proxy: what was asked and what the simulator answered (or what to answer instead).</summary>
    public sealed record Exchange(string Method, string PathAndQuery, int Status, string Body);

    /// <summary>
    /// A loopback HTTP proxy in front of the simulator that lets a test rewrite replies the simulator never gives: an
    /// empty policy, a user without an id, a page that links to itself, a body that is not JSON.
    /// </summary>
    public sealed class TamperingProxy : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly HttpClient _upstream;
        private readonly Func<Exchange, Exchange> _tamper;

        public TamperingProxy(Uri upstream, Func<Exchange, Exchange> tamper)
        {
            _tamper = tamper;
            _upstream = new HttpClient { BaseAddress = upstream };
            Root = new Uri($"http://127.0.0.1:{TestTokens.FreePort()}/");
            _listener.Prefixes.Add(Root.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri Root { get; }

        public void Dispose()
        {
            _listener.Close();
            _upstream.Dispose();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => RelayAsync(context));
            }
        }

        private async Task RelayAsync(HttpListenerContext context)
        {
            var request = context.Request;
            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.RawUrl);
            if (request.Headers["Authorization"] is { } authorization)
            {
                forward.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                forward.Content = new ByteArrayContent(body.ToArray());
                forward.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
            }

            using var reply = await _upstream.SendAsync(forward).ConfigureAwait(false);
            var text = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
            var answer = _tamper(new Exchange(request.HttpMethod, request.RawUrl ?? "/", (int)reply.StatusCode, text));
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            if (bytes.Length > 0)
            {
                context.Response.ContentType = "application/json";
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
