using System.Globalization;
using CustodySettle.Access;
using CustodySettle.Chain.Primitives;
using CustodySettle.Registry;
using Google.Protobuf.WellKnownTypes;
using V1 = CustodySettle.Api.V1;
using Role = CustodySettle.Domain.Access.Role;

namespace CustodySettle.Server.Services;

/// <summary>Registry and key records as AdminService messages.</summary>
internal static class AdminMapping
{
    public static V1.Desk ToMessage(this Desk desk) => new()
    {
        DeskId = desk.DeskId,
        DisplayName = desk.DisplayName,
        WalletAddress = Address.Parse(desk.WalletAddress).ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(desk.CreatedAt),
    };

    public static V1.Custodian ToMessage(this Custodian custodian) => new()
    {
        CustodianId = custodian.CustodianId,
        DisplayName = custodian.DisplayName,
        CreatedAt = Timestamp.FromDateTimeOffset(custodian.CreatedAt),
    };

    public static V1.Asset ToMessage(this Asset asset) => new()
    {
        AssetCode = asset.AssetCode,
        Decimals = asset.Decimals,
        LedgerId = asset.LedgerId,
        CreatedAt = Timestamp.FromDateTimeOffset(asset.CreatedAt),
    };

    public static V1.SubaccountLink ToMessage(this SubaccountLink link) => new()
    {
        SubaccountId = link.SubaccountId.ToString(CultureInfo.InvariantCulture),
        DeskId = link.DeskId,
        CreatedAt = Timestamp.FromDateTimeOffset(link.CreatedAt),
    };

    public static V1.ApiKey ToMessage(this ApiKeyRecord key)
    {
        var message = new V1.ApiKey
        {
            KeyId = ApiKeyToken.Format(key.KeyId),
            Role = ToMessage(key.Role),
            ScopeId = key.ScopeId,
            Label = key.Label,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            ReplacedByKeyId = key.ReplacedByKeyId is { } next ? ApiKeyToken.Format(next) : string.Empty,
        };
        if (key.RevokedAt is { } revoked)
        {
            message.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }

        return message;
    }

    public static V1.CreateApiKeyResponse ToMessage(this IssuedApiKey issued) => new() { Key = issued.Key.ToMessage(), Secret = issued.Token ?? string.Empty };

    public static V1.Role ToMessage(Role role) => role switch
    {
        Role.Desk => V1.Role.Desk,
        Role.Custodian => V1.Role.Custodian,
        Role.Auditor => V1.Role.Auditor,
        Role.Operator => V1.Role.Operator,
        _ => V1.Role.Unspecified,
    };
}
