using System.CommandLine;
using RealtyHub.LoadTests;

var root = new RootCommand("RealtyHub load tests: start a throwaway hub (PostgreSQL + web/silo processes), drive it, write a Markdown + JSON report.");
foreach (var command in Cli.Commands())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
