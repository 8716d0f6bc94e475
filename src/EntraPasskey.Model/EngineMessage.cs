namespace EntraPasskey
{
    /// <summary>A message the engine wants shown; the cmdlets write it on the pipeline thread. Never holds a secret.</summary>
    public sealed class EngineMessage
    {
        public EngineMessage(EngineMessageKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public EngineMessageKind Kind { get; }

        public string Text { get; }

        public override string ToString() => $"{Kind}: {Text}";
    }

    public enum EngineMessageKind
    {
        Verbose,
        Debug,
        Warning,
    }
}
