namespace CustodySettle.Margin.Status;

/// <summary>One desk's margin as a batched read found it: its status, or why it could not be computed (a failed chain read).</summary>
public sealed record DeskRead(DeskMarginStatus? Status, Exception? Error);
