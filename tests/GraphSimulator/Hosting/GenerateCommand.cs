using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using GraphSimulator.Generation;

namespace GraphSimulator.Hosting;

/// <summary><c>GraphSimulator generate --users N [--seed S] [--signins-per-day K] [--mfa-share F] [--signin-days D] --out FILE</c>: a tenant file for --tenant.</summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        GenerationOptions options;
        string output;
        try
        {
            (options, output) = CommandLine.ParseGenerate(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        var tenant = TenantGenerator.Generate(options);
        await using (var file = File.Create(output))
        await using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JsonOutput.Options.Encoder, Indented = false }))
        {
            tenant.WithSignIns().WriteTo(writer);
        }

        Console.Out.WriteLine($"Wrote {output}: {options.Users} users, seed {options.Seed}.");
        return 0;
    }
}
