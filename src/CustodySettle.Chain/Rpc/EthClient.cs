using System.Text.Json;
using System.Text.Json.Nodes;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// The typed Ethereum JSON-RPC facade (execution-apis) over <see cref="JsonRpcClient"/>: blocks, logs,
/// calls, accounts, fees and sends. Every failure is a <see cref="JsonRpcException"/>; a result of the
/// wrong shape is one of kind <see cref="JsonRpcErrorKind.MalformedResponse"/>.
/// </summary>
public sealed partial class EthClient
{
    private readonly JsonRpcClient _rpc;

    public EthClient(JsonRpcClient rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    /// <summary>The JSON-RPC client underneath, for methods this facade does not wrap.</summary>
    public JsonRpcClient Rpc => _rpc;

    /// <summary>eth_chainId (EIP-695).</summary>
    public Task<long> ChainIdAsync(CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_chainId"), EthJsonReader.Int64, cancellationToken);

    /// <summary>eth_blockNumber: the head's number.</summary>
    public Task<long> BlockNumberAsync(CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_blockNumber"), EthJsonReader.Int64, cancellationToken);

    /// <summary>eth_getBlockByNumber with transaction hashes only; null when the node has no such block.</summary>
    public Task<Block?> GetBlockByNumberAsync(BlockTag block, CancellationToken cancellationToken) =>
        ReadAsync(BlockByNumber(block), OptionalBlock, cancellationToken);

    /// <summary>eth_getBlockByHash with transaction hashes only; null when the node has no such block.</summary>
    public Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_getBlockByHash", hash.ToString(), false), OptionalBlock, cancellationToken);

    /// <summary>
    /// Blocks by number in JSON-RPC batches (one HTTP request per <see cref="JsonRpcClientOptions.MaxBatchSize"/>);
    /// one entry per number, null for a block the node does not have.
    /// </summary>
    public async Task<IReadOnlyList<Block?>> GetBlocksByNumberAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var results = await _rpc.BatchAsync([.. numbers.Select(n => BlockByNumber(BlockTag.At(n)))], cancellationToken);
        return [.. results.Select(r => Parse("eth_getBlockByNumber", r.GetResultOrThrow(), OptionalBlock))];
    }

    /// <summary>eth_getLogs. Providers cap ranges and result sizes; the log follower adapts to them.</summary>
    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.BlockHash is not null && (filter.FromBlock is not null || filter.ToBlock is not null))
        {
            throw new ArgumentException("A log filter has either a block hash or a block range, not both.", nameof(filter));
        }

        return ReadAsync<IReadOnlyList<LogEntry>>(
            JsonRpcRequest.Create("eth_getLogs", EthJsonWriter.Filter(filter)),
            logs => [.. logs.EnumerateArray().Select(EthJsonReader.ReadLog)],
            cancellationToken);
    }

    private static JsonRpcRequest BlockByNumber(BlockTag block) => JsonRpcRequest.Create("eth_getBlockByNumber", block.ToString(), false);

    private static Block? OptionalBlock(JsonElement result) => result.ValueKind == JsonValueKind.Null ? null : EthJsonReader.ReadBlock(result);

    private async Task<T> ReadAsync<T>(JsonRpcRequest request, Func<JsonElement, T> parse, CancellationToken cancellationToken) =>
        Parse(request.Method, await _rpc.CallAsync(request, cancellationToken), parse);

    private T Parse<T>(string method, JsonElement result, Func<JsonElement, T> parse)
    {
        try
        {
            return parse(result);
        }
        catch (Exception error) when (error is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            throw JsonRpcWire.Malformed(method, _rpc.Endpoint, error.Message, error);
        }
    }

    private static JsonNode Tag(BlockTag block) => block.ToString();
}
