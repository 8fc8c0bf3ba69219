namespace CustodySettle.Grpc.Client;

/// <summary>A unary call's response with the metadata that came with it.</summary>
/// <param name="Response">The response message.</param>
/// <param name="Headers">The response headers (application metadata only).</param>
/// <param name="Trailers">The trailers that carried the OK status (application metadata only).</param>
public sealed record UnaryResult<TResponse>(TResponse Response, Metadata Headers, Metadata Trailers);
