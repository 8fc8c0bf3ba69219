using System.Text.RegularExpressions;
using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>The README keeps exactly two commands for a fresh machine, and CI runs the test one.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ReadmeTests
{
    [GeneratedRegex(@"^\s*\$ (?<command>.+)$", RegexOptions.Multiline)]
    private static partial Regex ShellPromptLine();

    private static List<string> FreshMachineCommands()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var section = readme[readme.IndexOf("## On a fresh machine", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];
        return ShellPromptLine().Matches(section).Select(m => m.Groups["command"].Value.Trim()).ToList();
    }

    [Fact]
    public void Readme_FreshMachineSection_HasExactlyTheRunAndTestCommands()
    {
        Assert.Equal(["scripts/run.sh", "scripts/test.sh"], FreshMachineCommands());
    }

    [Fact]
    public void Readme_Commands_AreExecutableScripts()
    {
        foreach (var command in FreshMachineCommands())
        {
            var mode = File.GetUnixFileMode(RepositoryPaths.Combine(command));
            Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{command} is not executable");
        }
    }

    [Fact]
    public void CiRun_CallsTheReadmeTestCommand()
    {
        var ci = File.ReadAllText(RepositoryPaths.Combine(".ci", "run"));

        Assert.Contains("scripts/test.sh", ci, StringComparison.Ordinal);
    }
}
