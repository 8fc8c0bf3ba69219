using System.Collections.Concurrent;

namespace CustodySettle.Testing.Interop;

/// <summary>What Echo handlers saw, by the tag their request carried: peers read it through Observe,
/// in-process tests directly.</summary>
public sealed class EchoObservations
{
    private readonly ConcurrentDictionary<string, EchoObservation> _records = new(StringComparer.Ordinal);

    public EchoObservation For(string tag) => _records.GetOrAdd(tag, _ => new EchoObservation());
}

/// <summary>One handler's record: messages sent, whether its token fired, whether it returned.</summary>
public sealed class EchoObservation
{
    private long _messagesSent;
    private volatile bool _cancelled;

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public bool Cancelled
    {
        get => _cancelled;
        set => _cancelled = value;
    }

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CountSent() => Interlocked.Increment(ref _messagesSent);

    public void Finish() => Finished.TrySetResult();
}
