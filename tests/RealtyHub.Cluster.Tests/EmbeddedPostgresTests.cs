using RealtyHub.Hosting.Database;

namespace RealtyHub.Cluster.Tests;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public void Without_postgresql_binaries_the_error_names_the_package_to_install()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-postgres-here-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<PostgresNotInstalledException>(() => new EmbeddedPostgres(Path.Combine(missing, "data"), 5999, "realtyhub", binDirectory: missing));

        Assert.Contains("apt-get install -y postgresql", error.Message);
        Assert.Contains("ConnectionStrings__RealtyHub", error.Message);
    }

    [Fact]
    public void The_machines_postgresql_binaries_are_found_without_configuration()
    {
        var found = EmbeddedPostgres.FindBinDirectory();

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "pg_ctl")));
    }
}
