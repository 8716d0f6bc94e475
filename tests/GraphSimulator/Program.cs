using System;
using System.IO;
using GraphSimulator;
using GraphSimulator.Hosting;

if (args.Length > 0 && args[0] == "generate")
{
    return await GenerateCommand.RunAsync(args[1..]);
}

CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

SimulatorHost host;
try
{
    host = await SimulatorHost.StartAsync(commandLine.Options);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"GraphSimulator could not start: {e.Message}");
    return 1;
}

await using (host)
{
    // Listen before saying ready: whoever reads the line may signal at once.
    using var shutdown = ShutdownSignal.Listen(commandLine.ParentPid);
    var ready = host.DescribeEndpoints();
    if (commandLine.ReadyFile is { } readyFile)
    {
        // Write then rename, so a watcher never reads a half-written file.
        var partial = readyFile + ".partial";
        await File.WriteAllTextAsync(partial, ready);
        File.Move(partial, readyFile, overwrite: true);
    }

    Console.Out.WriteLine("SIMULATOR READY " + ready);
    Console.Out.Flush();
    await shutdown.WaitAsync();
}

return 0;
