using Microsoft.EntityFrameworkCore;
using RealtyHub.Hosting.Database;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Tests;

public sealed class IdentitySchemaTests
{
    private const string GeneratedMarker = "\n-- generated --\n";

    /// <summary>dbup owns the schema; this keeps its Identity script equal to what the EF model expects.</summary>
    [Fact]
    public void Identity_migration_matches_the_EF_model()
    {
        var options = new DbContextOptionsBuilder<HubIdentityDbContext>().UseNpgsql("Host=127.0.0.1").Options;
        using var db = new HubIdentityDbContext(options);
        var expected = Normalize(db.Database.GenerateCreateScript());

        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(
            typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("0004_identity.sql", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        var actual = Normalize(script[(script.IndexOf(GeneratedMarker, StringComparison.Ordinal) + GeneratedMarker.Length)..]);

        Assert.Equal(expected, actual);
    }

    private static string Normalize(string sql) =>
        string.Join('\n', sql.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
