using System.Threading.Channels;

namespace CustodySettle.Grpc.Tests.Fakes;

/// <summary>A request stream in memory: the test adds messages and half-closes when it likes.</summary>
internal sealed class FakeStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> _pending = Channel.CreateUnbounded<T>();
    private T? _current;
    private bool _read;

    public T Current => _read ? _current! : throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _read = await _pending.Reader.WaitToReadAsync(cancellationToken) && _pending.Reader.TryRead(out _current);
        return _read;
    }

    /// <summary>The client sends a message.</summary>
    public void Add(T message) => _pending.Writer.TryWrite(message);

    /// <summary>The client half-closes: MoveNext returns false once the messages are read.</summary>
    public void Complete() => _pending.Writer.TryComplete();
}
