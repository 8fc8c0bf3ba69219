using System.Security.Cryptography;
using System.Text;
using CustodySettle.Database;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Testing;

/// <summary>
/// Builds, once per migration set, a template database with every migration applied. Its name carries
/// a hash of the migrations, so a changed migration gets a new template. Test assemblies run in
/// parallel processes: an advisory lock on the maintenance database makes one of them build it.
/// </summary>
internal static class TemplateDatabase
{
    private const long BuildLockKey = 0x4353_5445_4D50; // "CSTEMP"
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _built;

    public static async Task<string> EnsureAsync(CancellationToken ct)
    {
        var migrations = MigrationSource.Embedded();
        var name = NameFor(migrations);
        if (_built == name)
        {
            return name;
        }

        await Gate.WaitAsync(ct);
        try
        {
            if (_built != name)
            {
                await BuildAsync(name, migrations, ct);
                _built = name;
            }

            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static string NameFor(IReadOnlyList<Migration> migrations)
    {
        var all = string.Join('\n', migrations.Select(m => $"{m.Version}:{m.Checksum}"));
        return "cs_template_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    private static async Task BuildAsync(string name, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var admin = await TestDatabase.OpenMaintenanceAsync(ct);
        await admin.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = BuildLockKey }, cancellationToken: ct));
        try
        {
            var exists = await admin.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }, cancellationToken: ct));
            if (exists)
            {
                return;
            }

            // Build under a scratch name and rename when complete, so a crashed build is never used.
            var scratch = $"cs_building_{Guid.NewGuid():N}";
            await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{scratch}\" TEMPLATE template0", cancellationToken: ct));
            await using (var dataSource = NpgsqlDataSource.Create(TestDatabase.ForDatabase(scratch)))
            {
                await new MigrationRunner(migrations, NullLogger<MigrationRunner>.Instance).ApplyAsync(dataSource, ct);
            }

            NpgsqlConnection.ClearAllPools();
            await admin.ExecuteAsync(new CommandDefinition($"ALTER DATABASE \"{scratch}\" RENAME TO \"{name}\"", cancellationToken: ct));
        }
        finally
        {
            await admin.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = BuildLockKey });
        }
    }
}
