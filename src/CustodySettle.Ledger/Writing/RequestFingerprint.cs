using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// A request's canonical JSON (stored as ledger_transfers.request) and its SHA-256 (request_hash):
/// the idempotency key's payload check, as Formance hashes its input to reject a changed replay.
/// Field names are what <see cref="TransferOutcome.DifferingField"/> reports (TigerBeetle's
/// <c>exists_with_different_&lt;field&gt;</c>). The encoding is permanent: stored hashes depend on it.
/// </summary>
internal sealed class RequestFingerprint
{
    /// <summary>The compared fields, in the order a difference is looked for.</summary>
    internal static readonly string[] Fields =
        ["kind", "ledger_id", "debit_account_id", "credit_account_id", "amount", "pending_id", "timeout_ticks", "linked", "code", "reference"];

    private RequestFingerprint(string json, byte[] hash)
    {
        Json = json;
        Hash = hash;
    }

    public string Json { get; }

    public byte[] Hash { get; }

    public static RequestFingerprint Of(TransferRequest request, OperationKind kind)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", OperationKinds.Name(kind));
            json.WriteNumber("ledger_id", request.LedgerId);
            json.WriteNumber("debit_account_id", request.DebitAccountId);
            json.WriteNumber("credit_account_id", request.CreditAccountId);
            json.WriteString("amount", request.Amount.ToString());
            if (request.PendingId is { } pendingId)
            {
                json.WriteString("pending_id", pendingId);
            }
            else
            {
                json.WriteNull("pending_id");
            }

            if (request.Timeout is { } timeout)
            {
                json.WriteNumber("timeout_ticks", timeout.Ticks);
            }
            else
            {
                json.WriteNull("timeout_ticks");
            }

            json.WriteBoolean("linked", request.LinkedToNext);
            json.WriteNumber("code", request.Code);
            json.WriteString("reference", request.Reference);
            json.WriteEndObject();
        }

        return new RequestFingerprint(Encoding.UTF8.GetString(buffer.WrittenSpan), SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The first field whose value differs between two requests' JSON (jsonb may reorder keys).</summary>
    public static string FirstDifference(string storedJson, string newJson)
    {
        using var stored = JsonDocument.Parse(storedJson);
        using var fresh = JsonDocument.Parse(newJson);
        foreach (var field in Fields)
        {
            if (!string.Equals(Value(stored.RootElement, field), Value(fresh.RootElement, field), StringComparison.Ordinal))
            {
                return field;
            }
        }

        // Same fields but a different hash: only a change of this encoding could do it.
        return "request";
    }

    private static string? Value(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
}
