using System.Diagnostics;

namespace CustodySettle.Testing;

/// <summary>
/// How tests start anvil. Each node gets a HOME of its own: anvil writes every block state that leaves
/// its memory to <c>$HOME/.foundry/anvil/tmp</c>, unbounded and never removed on exit (~125 MB per CI
/// run, 76 GB once in a benchmark), so a folder the test deletes afterwards is where it must go.
/// </summary>
public static class AnvilProcess
{
    public static ProcessStartInfo StartInfo(string home, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo(StackSettings.Current.AnvilBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = home;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
