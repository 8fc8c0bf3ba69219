namespace CustodySettle.Ledger.Queries;

/// <summary>
/// A statement did not tie out: an account's opening balance plus its journal movements is not its
/// closing balance, or a line disagrees with the journal's own snapshot. The journal is inconsistent;
/// run the verifier. The statement written so far must be discarded.
/// </summary>
public sealed class StatementTieOutException : Exception
{
    public StatementTieOutException()
    {
    }

    public StatementTieOutException(string message)
        : base(message)
    {
    }

    public StatementTieOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
