namespace GraphSimulator.Faults;

/// <summary>How an injected fault damages a response the handler produced.</summary>
internal enum BodyFault
{
    None,

    /// <summary>An HTML page instead of the JSON body (top-level requests).</summary>
    Html,

    /// <summary>The JSON body cut off half way, with a Content-Length that matches the cut (top-level requests).</summary>
    Truncated,

    /// <summary>Left out of the $batch reply.</summary>
    Dropped,

    /// <summary>Its body in the $batch reply replaced by text that is not the resource.</summary>
    Rewritten,
}
