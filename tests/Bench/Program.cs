using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Bench;

// usage: Bench baseline --graph URL --token-file FILE --users FILE --out FILE
if (args.Length == 0 || args[0] != "baseline")
{
    Console.Error.WriteLine("usage: Bench baseline --graph URL --token-file FILE --users FILE --out FILE");
    return 2;
}

string? graph = null, tokenFile = null, usersFile = null, output = null;
for (var i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--graph": graph = args[i + 1]; break;
        case "--token-file": tokenFile = args[i + 1]; break;
        case "--users": usersFile = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
}

if (graph is null || tokenFile is null || usersFile is null || output is null)
{
    Console.Error.WriteLine("baseline needs --graph, --token-file, --users and --out.");
    return 2;
}

var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
var users = await File.ReadAllLinesAsync(usersFile);
var result = await new SequentialBaseline(new Uri(graph), token).RunAsync(users);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
return 0;
