namespace CustodySettle.Grpc;

/// <summary>The outcome of a call: a code and a message for people (sent as <c>grpc-message</c>).</summary>
public readonly record struct Status(StatusCode Code, string Detail)
{
    /// <summary>The successful outcome.</summary>
    public static readonly Status Ok = new(StatusCode.OK, string.Empty);

    public override string ToString() => Detail.Length == 0 ? Code.ToString() : $"{Code}: {Detail}";
}
