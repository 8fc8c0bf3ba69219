using System.Text;

namespace CustodySettle.Ledger.CrashWriter;

/// <summary>
/// Standard output, one whole line per write(2): each line is written and flushed under a lock, so a
/// SIGKILL can cut the stream only between lines and never interleave two tasks' lines.
/// </summary>
internal sealed class AckOutput(Stream stdout) : IAsyncDisposable
{
    private readonly Lock _gate = new();

    public void Line(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        lock (_gate)
        {
            stdout.Write(bytes);
            stdout.Flush();
        }
    }

    public ValueTask DisposeAsync() => stdout.DisposeAsync();
}
