namespace CustodySettle.Grpc.Client;

/// <summary>What one call adds to the channel's defaults.</summary>
/// <param name="Headers">Request metadata, sent after the channel's default metadata.</param>
/// <param name="Deadline">
/// When the call must be over. Sent as <c>grpc-timeout</c> and enforced here too: past it the call ends
/// with DEADLINE_EXCEEDED and its HTTP/2 stream is reset.
/// </param>
/// <param name="CancellationToken">Cancels the call: its stream is reset and it ends with CANCELLED.</param>
public readonly record struct GrpcCallOptions(
    Metadata? Headers = null,
    DateTimeOffset? Deadline = null,
    CancellationToken CancellationToken = default);
