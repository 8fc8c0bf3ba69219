using System.Text.Json.Nodes;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>Builds execution-apis request objects: hex DATA and QUANTITY, lowercase addresses.</summary>
internal static class EthJsonWriter
{
    public static JsonObject Filter(LogFilter filter)
    {
        var json = new JsonObject();
        if (filter.BlockHash is { } blockHash)
        {
            json["blockHash"] = blockHash.ToString();
        }

        if (filter.FromBlock is { } from)
        {
            json["fromBlock"] = from.ToString();
        }

        if (filter.ToBlock is { } to)
        {
            json["toBlock"] = to.ToString();
        }

        if (filter.Addresses.Count > 0)
        {
            json["address"] = new JsonArray([.. filter.Addresses.Select(a => (JsonNode)a.ToLowerHex())]);
        }

        if (filter.Topics.Count > 0)
        {
            json["topics"] = new JsonArray([.. filter.Topics.Select(position => position is null
                ? null
                : (JsonNode)new JsonArray([.. position.Select(topic => (JsonNode)topic.ToString())]))]);
        }

        return json;
    }

    public static JsonObject Call(CallRequest call)
    {
        var json = new JsonObject { ["to"] = call.To.ToLowerHex(), ["data"] = Hex.Encode(call.Data.Span) };
        if (call.From is { } from)
        {
            json["from"] = from.ToLowerHex();
        }

        if (call.Value is { } value)
        {
            json["value"] = Hex.EncodeQuantity(value);
        }

        if (call.Gas is { } gas)
        {
            json["gas"] = Hex.EncodeQuantity(gas);
        }

        return json;
    }

    public static JsonObject Transaction(TransactionRequest transaction)
    {
        var json = new JsonObject();
        Add(json, "from", transaction.From?.ToLowerHex());
        Add(json, "to", transaction.To?.ToLowerHex());
        if (!transaction.Data.IsEmpty)
        {
            json["data"] = Hex.Encode(transaction.Data.Span);
        }

        Add(json, "value", transaction.Value is { } value ? Hex.EncodeQuantity(value) : null);
        Add(json, "gas", transaction.Gas is { } gas ? Hex.EncodeQuantity(gas) : null);
        Add(json, "nonce", transaction.Nonce is { } nonce ? Hex.EncodeQuantity(nonce) : null);
        Add(json, "maxFeePerGas", transaction.MaxFeePerGas is { } maxFee ? Hex.EncodeQuantity(maxFee) : null);
        Add(json, "maxPriorityFeePerGas", transaction.MaxPriorityFeePerGas is { } tip ? Hex.EncodeQuantity(tip) : null);
        Add(json, "gasPrice", transaction.GasPrice is { } price ? Hex.EncodeQuantity(price) : null);
        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
