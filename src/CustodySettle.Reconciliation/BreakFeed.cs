namespace CustodySettle.Reconciliation;

/// <summary>
/// Wakes this instance's break watchers when a break changed here; watchers also poll, so changes made
/// by another instance reach them within <see cref="PollInterval"/>.
/// </summary>
public sealed class BreakFeed
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change (or never, if none comes: wait with a timeout).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
