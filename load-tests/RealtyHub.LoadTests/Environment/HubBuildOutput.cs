namespace RealtyHub.LoadTests.Environment;

/// <summary>
/// Finds the built hosts: <c>web/RealtyHub.Web/bin/{Configuration}/net10.0/RealtyHub.Web.dll</c> and the silo's, under the
/// repository root (the folder holding <c>Orleans.sln</c>, searched upwards from this program). <c>dotnet build</c> of
/// this project builds them first (build-order project references).
/// </summary>
public sealed record HubBuildOutput(string WebDll, string SiloDll)
{
    public static HubBuildOutput Locate()
    {
        var root = FindRepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        string Dll(string folder, string name)
        {
            var candidates = new[] { configuration, "Debug", "Release" }.Distinct()
                .Select(c => Path.Combine(root, folder, name, "bin", c, "net10.0", name + ".dll"));
            return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
                $"{name}.dll is not built. Run 'dotnet build {Path.Combine(root, folder, name)}' (or build Orleans.sln) first.",
                candidates.First());
        }

        return new HubBuildOutput(Dll("web", "RealtyHub.Web"), Dll("silo", "RealtyHub.Silo"));
    }

    /// <summary>The folder holding <c>Orleans.sln</c> (the voice scenario reads the demo call's audio from the sources).</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository (Orleans.sln) above the load-test program or the current folder.");
    }
}
