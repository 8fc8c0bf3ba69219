using System.Text;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;

namespace CustodySettle.Server.Services;

/// <summary>
/// A <see cref="TextWriter"/> over a stream of <see cref="StatementChunk"/>s: text is buffered and sent
/// as a chunk once it passes the chunk size, so a statement of any length streams in bounded memory.
/// The last chunk, from <see cref="FinishAsync"/>, carries the rest of the text and the summary.
/// </summary>
internal sealed class ChunkingWriter(IAsyncStreamWriter<StatementChunk> stream, int chunkChars, CancellationToken cancellationToken) : TextWriter
{
    private readonly StringBuilder _buffer = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _buffer.Append(value);

    public override void Write(string? value) => _buffer.Append(value);

    public override Task WriteAsync(char value)
    {
        _buffer.Append(value);
        return SendFullAsync();
    }

    public override Task WriteAsync(string? value)
    {
        _buffer.Append(value);
        return SendFullAsync();
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        _buffer.Append(buffer.Span);
        return SendFullAsync();
    }

    /// <summary>Chunks are sent as they fill; a flush sends nothing early (the last chunk carries the summary).</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task FlushAsync() => Task.CompletedTask;

    public async Task FinishAsync(StatementChunk last)
    {
        ArgumentNullException.ThrowIfNull(last);
        last.Csv = _buffer.ToString();
        _buffer.Clear();
        await stream.WriteAsync(last, cancellationToken);
    }

    private async Task SendFullAsync()
    {
        if (_buffer.Length >= chunkChars)
        {
            var chunk = new StatementChunk { Csv = _buffer.ToString() };
            _buffer.Clear();
            await stream.WriteAsync(chunk, cancellationToken);
        }
    }
}
