namespace CustodySettle.Chain.Following;

/// <summary>
/// The follower cannot go on safely without an operator: the node serves another chain than configured
/// or the cursor belongs to another chain, or a reorg reached below the stored blocks (deeper than the
/// finality depth, so derived data already treated as final may be wrong). <see cref="LogFollower.RunAsync"/>
/// stops with it; every other failure is logged and retried.
/// </summary>
public sealed class LogFollowerException : Exception
{
    public LogFollowerException()
    {
    }

    public LogFollowerException(string message)
        : base(message)
    {
    }

    public LogFollowerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
