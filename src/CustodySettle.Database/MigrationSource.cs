using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CustodySettle.Database;

/// <summary>Reads the migrations embedded in this assembly (or given by a test) and orders them.</summary>
public static partial class MigrationSource
{
    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    /// <summary>The product's migrations, from <c>src/CustodySettle.Database/Migrations/*.sql</c>.</summary>
    public static IReadOnlyList<Migration> Embedded() => FromAssembly(typeof(MigrationSource).Assembly);

    internal static IReadOnlyList<Migration> FromAssembly(Assembly assembly)
    {
        var files = new List<(string FileName, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith("Migrations/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add((resource["Migrations/".Length..], reader.ReadToEnd()));
        }

        return Parse(files);
    }

    /// <summary>Validates names and numbering: NNNN_lower_snake.sql, versions unique.</summary>
    public static IReadOnlyList<Migration> Parse(IEnumerable<(string FileName, string Sql)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var migrations = new List<Migration>();
        foreach (var (fileName, sql) in files)
        {
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException($"migration file '{fileName}' is not named NNNN_lower_snake_case.sql");
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, match.Groups["name"].Value, sql));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new MigrationException($"two migrations share version {migrations[i].Version:D4}");
            }
        }

        return migrations;
    }
}
