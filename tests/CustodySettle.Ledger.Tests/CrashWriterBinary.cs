namespace CustodySettle.Ledger.Tests;

/// <summary>
/// Finds CustodySettle.Ledger.CrashWriter.dll, which the test project's reference builds but does not
/// copy (ReferenceOutputAssembly=false). Order: the CS_CRASH_WRITER variable; beside the test
/// assembly; the writer's own output folder in either layout, matched to this build's configuration
/// (artifacts: bin/&lt;project&gt;/&lt;config&gt;/; classic: tests/&lt;project&gt;/bin/&lt;Config&gt;/&lt;tfm&gt;/);
/// else the newest copy found near the test binaries.
/// </summary>
internal static class CrashWriterBinary
{
    private const string Project = "CustodySettle.Ledger.CrashWriter";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CS_CRASH_WRITER");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new FileNotFoundException("CS_CRASH_WRITER names no file", fromEnvironment);
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Project + ".dll";
        var candidates = new List<string> { Path.Combine(here.FullName, dll) };

        // Artifacts layout: .../bin/CustodySettle.Ledger.Tests/debug/ -> .../bin/CustodySettle.Ledger.CrashWriter/debug/.
        if (here.Parent?.Parent is { } artifactsBin)
        {
            candidates.Add(Path.Combine(artifactsBin.FullName, Project, here.Name, dll));
        }

        // Classic layout: tests/CustodySettle.Ledger.Tests/bin/Debug/net10.0/ -> tests/CustodySettle.Ledger.CrashWriter/bin/Debug/net10.0/.
        if (here.Parent?.Parent?.Parent?.Parent is { } testsFolder && here.Parent is { } configuration)
        {
            candidates.Add(Path.Combine(testsFolder.FullName, Project, "bin", configuration.Name, here.Name, dll));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        for (var dir = here.Parent; dir is not null && dir.Parent is not null; dir = dir.Parent)
        {
            var newest = Directory.EnumerateDirectories(dir.FullName, Project, SearchOption.AllDirectories)
                .SelectMany(d => Directory.EnumerateFiles(d, dll, SearchOption.AllDirectories))
                .Select(f => new FileInfo(f))
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest.FullName;
            }

            if (File.Exists(Path.Combine(dir.FullName, "CustodySettle.sln")))
            {
                break;
            }
        }

        throw new FileNotFoundException($"{dll} not found near {here.FullName}; build tests/{Project} or set CS_CRASH_WRITER");
    }
}
