using System.Globalization;
using System.Numerics;
using CustodySettle.Domain.Errors;
using CustodySettle.Registry;
using Google.Protobuf.WellKnownTypes;
using ApiRole = CustodySettle.Api.V1.Role;
using Role = CustodySettle.Domain.Access.Role;

namespace CustodySettle.Server.Services;

/// <summary>
/// Request field checks: each returns the parsed value or throws <see cref="InvalidFieldException"/>
/// naming the field, before anything is read or written (issue 6, "Validation").
/// </summary>
internal static class Fields
{
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    public static string PartyId(string value, string field) =>
        RegistryIds.IsPartyId(value) ? value : throw Invalid(field, "must be 1 to 64 of a-z 0-9 - _, starting with a letter or digit");

    public static string AssetCode(string value, string field) =>
        RegistryIds.IsAssetCode(value) ? value : throw Invalid(field, "must be 1 to 32 of A-Z 0-9 . _ -");

    public static string Text(string value, string field, int maxLength, bool required = true)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(field, "is required");
        }

        return value.Length <= maxLength && !value.Any(char.IsControl) ? value : throw Invalid(field, $"must be at most {maxLength} characters, without control characters");
    }

    public static Guid Uuid(string value, string field) =>
        Guid.TryParseExact(value, "D", out var id) || Guid.TryParseExact(value, "N", out id)
            ? id != Guid.Empty ? id : throw Invalid(field, "must not be the nil UUID")
            : throw Invalid(field, "must be a UUID");

    public static Guid KeyId(string value, string field) =>
        Guid.TryParseExact(value, "N", out var id) || Guid.TryParseExact(value, "D", out id) ? id : throw Invalid(field, "must be a key id (32 hex digits)");

    public static string Address(string value, string field) =>
        Chain.Primitives.Address.TryParse(value, out var address) ? address.ToLowerHex() : throw Invalid(field, "must be a 20-byte hex address (0x..., EIP-55 checksum when mixed case)");

    public static BigInteger Uint256(string value, string field) =>
        value.Length is > 0 and <= 78 && value.All(char.IsAsciiDigit) && (value.Length == 1 || value[0] != '0')
            && BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n <= MaxUint256
            ? n
            : throw Invalid(field, "must be a decimal integer from 0 to 2^256-1, without sign or leading zeros");

    /// <summary>A signed amount (a settlement's net): an optional '-' and a uint256 magnitude.</summary>
    public static BigInteger Int256(string value, string field)
    {
        var negative = value.StartsWith('-');
        var magnitude = negative ? value[1..] : value;
        var reason = "must be a decimal integer, optionally negative, without leading zeros";
        var n = magnitude.Length is > 0 and <= 78 && magnitude.All(char.IsAsciiDigit) && (magnitude.Length == 1 || magnitude[0] != '0')
            ? BigInteger.Parse(magnitude, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw Invalid(field, reason);
        return n > MaxUint256 || (negative && n.IsZero) ? throw Invalid(field, reason) : negative ? -n : n;
    }

    public static int Range(int value, string field, int min, int max) =>
        value >= min && value <= max ? value : throw Invalid(field, $"must be from {min} to {max}");

    public static Role Role(ApiRole value, string field) => value switch
    {
        ApiRole.Desk => Domain.Access.Role.Desk,
        ApiRole.Custodian => Domain.Access.Role.Custodian,
        ApiRole.Auditor => Domain.Access.Role.Auditor,
        ApiRole.Operator => Domain.Access.Role.Operator,
        _ => throw Invalid(field, "must be ROLE_DESK, ROLE_CUSTODIAN, ROLE_AUDITOR or ROLE_OPERATOR"),
    };

    public static DateTimeOffset? Time(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        return value.Seconds is >= -62135596800L and <= 253402300799L && value.Nanos is >= 0 and < 1_000_000_000
            ? value.ToDateTimeOffset()
            : throw Invalid(field, "is not a valid timestamp");
    }

    public static InvalidFieldException Invalid(string field, string reason) => new(field, reason);
}
