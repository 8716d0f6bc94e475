namespace EntraPasskey.Engine.Rules
{
    /// <summary>What a layer says when its rules had no evidence to look at, so nothing was evaluated.</summary>
    internal static class NotEvaluatedMessages
    {
        public static string For(PasskeyLayer layer)
        {
            switch (layer)
            {
                case PasskeyLayer.PlatformBrowser:
                    return "Not evaluated: no platform or browser is known. Pass -Platform and -Browser (and -PlatformVersion) for the device the user registers on; no recent sign-in recorded a device this module recognises.";
                default:
                    return "Not evaluated: there was no evidence for this layer's checks.";
            }
        }
    }
}
