using System.Threading.Channels;

namespace CustodySettle.Grpc.Tests.Fakes;

/// <summary>
/// A response stream in memory. Tests await the messages one by one; <see cref="Pause"/> makes writes
/// wait, as a client that does not read holds a real stream back through flow control.
/// </summary>
internal sealed class FakeStreamWriter<T> : IAsyncStreamWriter<T>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = Opened();

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        Task open;
        lock (_lock)
        {
            open = _open.Task;
        }

        await open.WaitAsync(cancellationToken);
        await _written.Writer.WriteAsync(message, cancellationToken);
    }

    /// <summary>The next message written, waiting up to 5 s for it.</summary>
    public async Task<T> NextAsync() => await _written.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>True if a message was written and not yet taken by <see cref="NextAsync"/>.</summary>
    public bool HasPending => _written.Reader.TryPeek(out _);

    /// <summary>Writes from now on wait until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
