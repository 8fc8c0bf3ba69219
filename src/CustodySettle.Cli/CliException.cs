namespace CustodySettle.Cli;

/// <summary>A failure the CLI reports as one line and an exit code (<see cref="ExitCodes"/>), never as a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.Failed;
}
