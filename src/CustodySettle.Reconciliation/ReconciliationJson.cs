using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustodySettle.Reconciliation;

/// <summary>How reports, breaks and evidence are stored (jsonb): enums by name, so stored rows read plainly.</summary>
internal static class ReconciliationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"stored {typeof(T).Name} is null");
}
