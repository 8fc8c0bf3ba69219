
namespace CustodySettle.Database.Tests;

public sealed class MigrationSourceTests
{
    [Fact]
    public void Parse_UnorderedFiles_ReturnsAscendingVersions()
    {
        var migrations = MigrationSource.Parse([("0002_second.sql", "SELECT 2"), ("0001_first.sql", "SELECT 1")]);

        Assert.Equal([1, 2], migrations.Select(m => m.Version));
        Assert.Equal("first", migrations[0].Name);
    }

    [Theory]
    [InlineData("1_short.sql")]
    [InlineData("0001-dash.sql")]
    [InlineData("0001_Upper.sql")]
    [InlineData("0001_name.txt")]
    public void Parse_BadFileName_ThrowsNamingTheFile(string fileName)
    {
        var error = Assert.Throws<MigrationException>(() => MigrationSource.Parse([(fileName, "SELECT 1")]));

        Assert.Contains(fileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateVersion_Throws()
    {
        var error = Assert.Throws<MigrationException>(
            () => MigrationSource.Parse([("0003_a.sql", "SELECT 1"), ("0003_b.sql", "SELECT 2")]));

        Assert.Contains("0003", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksum_KnownScript_IsSha256OfUtf8()
    {
        // sha256("SELECT 1") computed independently with `printf 'SELECT 1' | sha256sum`.
        var migration = new Migration(1, "x", "SELECT 1");

        Assert.Equal("e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5", migration.Checksum);
    }

    [Fact]
    public void Embedded_ProductMigrations_AreValidAndContiguousFromOne()
    {
        var migrations = MigrationSource.Embedded();

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
    }
}
