using System.Collections.Concurrent;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>Messages from engine threads, queued until the cmdlet writes them on the pipeline thread.</summary>
    public sealed class EngineLog
    {
        private readonly ConcurrentQueue<EngineMessage> _messages = new ConcurrentQueue<EngineMessage>();

        public void Verbose(string text) => _messages.Enqueue(new EngineMessage(EngineMessageKind.Verbose, text));

        public void Debug(string text) => _messages.Enqueue(new EngineMessage(EngineMessageKind.Debug, text));

        public void Warning(string text) => _messages.Enqueue(new EngineMessage(EngineMessageKind.Warning, text));

        public bool TryTake(out EngineMessage message)
        {
            if (_messages.TryDequeue(out var taken))
            {
                message = taken;
                return true;
            }

            message = null!;
            return false;
        }
    }
}
