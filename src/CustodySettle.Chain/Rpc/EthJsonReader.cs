using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// Reads execution-apis result objects. A missing member or a bad encoding throws
/// <see cref="FormatException"/>, which <see cref="EthClient"/> reports as a malformed response.
/// </summary>
internal static class EthJsonReader
{
    public static Block ReadBlock(JsonElement block) => new(
        Int64(block, "number"),
        Hash(block, "hash"),
        Hash(block, "parentHash"),
        DateTimeOffset.FromUnixTimeSeconds(Int64(block, "timestamp")),
        OptionalQuantity(block, "baseFeePerGas"),
        Int64(block, "gasLimit"),
        Int64(block, "gasUsed"),
        block.TryGetProperty("transactions", out var transactions) && transactions.ValueKind == JsonValueKind.Array
            ? [.. transactions.EnumerateArray().Select(t => ParseHash(t.ValueKind == JsonValueKind.String ? t.GetString() : Text(t, "hash"), "transactions"))]
            : []);

    public static LogEntry ReadLog(JsonElement log) => new(
        ParseAddress(Text(log, "address"), "address"),
        [.. Member(log, "topics").EnumerateArray().Select(t => ParseHash(t.GetString(), "topics"))],
        Data(log, "data"),
        Int64(log, "blockNumber"),
        Hash(log, "blockHash"),
        Hash(log, "transactionHash"),
        (int)Int64(log, "transactionIndex"),
        (int)Int64(log, "logIndex"),
        log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);

    public static TransactionReceipt ReadReceipt(JsonElement receipt) => new(
        Hash(receipt, "transactionHash"),
        Int64(receipt, "status") == 1,
        Int64(receipt, "blockNumber"),
        Hash(receipt, "blockHash"),
        (int)Int64(receipt, "transactionIndex"),
        ParseAddress(Text(receipt, "from"), "from"),
        OptionalAddress(receipt, "to"),
        Int64(receipt, "gasUsed"),
        Quantity(receipt, "effectiveGasPrice"),
        OptionalAddress(receipt, "contractAddress"),
        [.. Member(receipt, "logs").EnumerateArray().Select(ReadLog)]);

    public static TransactionDetails ReadTransaction(JsonElement transaction) => new(
        Hash(transaction, "hash"),
        transaction.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? (int)Hex.DecodeQuantityInt64(type.GetString()!) : 0,
        Int64(transaction, "nonce"),
        ParseAddress(Text(transaction, "from"), "from"),
        OptionalAddress(transaction, "to"),
        Quantity(transaction, "value"),
        Data(transaction, "input"),
        Int64(transaction, "gas"),
        OptionalQuantity(transaction, "gasPrice"),
        OptionalQuantity(transaction, "maxFeePerGas"),
        OptionalQuantity(transaction, "maxPriorityFeePerGas"),
        OptionalQuantity(transaction, "blockNumber") is { } number ? (long)number : null,
        transaction.TryGetProperty("blockHash", out var blockHash) && blockHash.ValueKind == JsonValueKind.String ? ParseHash(blockHash.GetString(), "blockHash") : null,
        OptionalQuantity(transaction, "transactionIndex") is { } index ? (int)index : null);

    public static FeeHistory ReadFeeHistory(JsonElement history) => new(
        Int64(history, "oldestBlock"),
        [.. Member(history, "baseFeePerGas").EnumerateArray().Select(QuantityOf)],
        [.. Member(history, "gasUsedRatio").EnumerateArray().Select(r => r.GetDouble())],
        history.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? [.. reward.EnumerateArray().Select(block => (IReadOnlyList<BigInteger>)[.. block.EnumerateArray().Select(QuantityOf)])]
            : []);

    public static long Int64(JsonElement value) => Hex.DecodeQuantityInt64(value.GetString() ?? throw new FormatException("A quantity is null."));

    public static BigInteger QuantityOf(JsonElement value) => Hex.DecodeQuantity(value.GetString() ?? throw new FormatException("A quantity is null."));

    public static byte[] DataOf(JsonElement value) => Hex.Decode(value.GetString() ?? throw new FormatException("A data value is null."));

    public static Hash32 HashOf(JsonElement value) => ParseHash(value.GetString(), "result");

    private static JsonElement Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"The result has no '{name}'.");

    private static string Text(JsonElement parent, string name) =>
        Member(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new FormatException($"'{name}' is not a string.");

    private static long Int64(JsonElement parent, string name) => Hex.DecodeQuantityInt64(Text(parent, name));

    private static BigInteger Quantity(JsonElement parent, string name) => Hex.DecodeQuantity(Text(parent, name));

    private static BigInteger? OptionalQuantity(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Hex.DecodeQuantity(value.GetString()!) : null;

    private static Hash32 Hash(JsonElement parent, string name) => ParseHash(Text(parent, name), name);

    private static byte[] Data(JsonElement parent, string name) => Hex.Decode(Text(parent, name));

    private static Address? OptionalAddress(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ParseAddress(value.GetString(), name) : null;

    private static Hash32 ParseHash(string? text, string name) =>
        Hash32.TryParse(text, out var hash) ? hash : throw new FormatException($"'{name}' is not a 32-byte hash.");

    private static Address ParseAddress(string? text, string name) =>
        Address.TryParse(text?.ToLower(CultureInfo.InvariantCulture), out var address) ? address : throw new FormatException($"'{name}' is not an address.");
}
