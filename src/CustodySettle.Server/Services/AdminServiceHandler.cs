using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Custody.Instructions;
using CustodySettle.Margin.Terms;
using CustodySettle.Domain.Access;
using CustodySettle.Grpc;
using CustodySettle.Registry;

namespace CustodySettle.Server.Services;

/// <summary>
/// custodysettle.v1.AdminService: operators configure desks, custodians, assets, subaccount links and
/// keys (admin_service.proto). Every field is checked before anything is written.
/// </summary>
internal sealed partial class AdminServiceHandler(
    PostgresRegistry registry, PostgresApiKeyStore keys, PostgresInstructionBook instructions, PostgresCreditTermsStore creditTerms, TimeProvider time)
{
    private const int NameLength = 200;

    public async Task<Api.V1.Desk> CreateDesk(CreateDeskRequest request, ServerCallContext context)
    {
        var deskId = Fields.PartyId(request.DeskId, "desk_id");
        var name = Fields.Text(request.DisplayName, "display_name", NameLength);
        var wallet = Fields.Address(request.WalletAddress, "wallet_address");
        return (await registry.CreateDeskAsync(deskId, name, wallet, context.CancellationToken)).ToMessage();
    }

    public async Task<ListDesksResponse> ListDesks(ListDesksRequest request, ServerCallContext context) =>
        new() { Desks = { (await registry.ListDesksAsync(context.CancellationToken)).Select(d => d.ToMessage()) } };

    public async Task<Api.V1.Custodian> CreateCustodian(CreateCustodianRequest request, ServerCallContext context)
    {
        var custodianId = Fields.PartyId(request.CustodianId, "custodian_id");
        var name = Fields.Text(request.DisplayName, "display_name", NameLength);
        return (await registry.CreateCustodianAsync(custodianId, name, context.CancellationToken)).ToMessage();
    }

    public async Task<ListCustodiansResponse> ListCustodians(ListCustodiansRequest request, ServerCallContext context) =>
        new() { Custodians = { (await registry.ListCustodiansAsync(context.CancellationToken)).Select(c => c.ToMessage()) } };

    public async Task<Api.V1.Asset> CreateAsset(CreateAssetRequest request, ServerCallContext context)
    {
        var code = Fields.AssetCode(request.AssetCode, "asset_code");
        var decimals = Fields.Range(request.Decimals, "decimals", 0, 36);
        return (await registry.CreateAssetAsync(code, decimals, context.CancellationToken)).ToMessage();
    }

    public async Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context) =>
        new() { Assets = { (await registry.ListAssetsAsync(context.CancellationToken)).Select(a => a.ToMessage()) } };

    public async Task<Api.V1.SubaccountLink> LinkSubaccount(LinkSubaccountRequest request, ServerCallContext context)
    {
        var subaccountId = Fields.Uint256(request.SubaccountId, "subaccount_id");
        var deskId = Fields.PartyId(request.DeskId, "desk_id");
        return (await registry.LinkSubaccountAsync(subaccountId, deskId, context.CancellationToken)).ToMessage();
    }

    public async Task<ListSubaccountsResponse> ListSubaccounts(ListSubaccountsRequest request, ServerCallContext context)
    {
        var deskId = request.DeskId.Length == 0 ? null : Fields.PartyId(request.DeskId, "desk_id");
        return new() { Subaccounts = { (await registry.ListSubaccountsAsync(deskId, context.CancellationToken)).Select(s => s.ToMessage()) } };
    }

    public async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var requestId = Fields.Uuid(request.RequestId, "request_id");
        var role = Fields.Role(request.Role, "role");
        string scopeId;
        if (RoleNames.IsScoped(role))
        {
            scopeId = Fields.PartyId(request.ScopeId, "scope_id");
        }
        else
        {
            scopeId = request.ScopeId.Length == 0 ? string.Empty : throw Fields.Invalid("scope_id", $"must be empty for a {RoleNames.Name(role)} key");
        }

        var label = Fields.Text(request.Label, "label", NameLength, required: false);
        return (await keys.CreateAsync(requestId, role, scopeId, label, context.CancellationToken)).ToMessage();
    }

    public async Task<CreateApiKeyResponse> RotateApiKey(RotateApiKeyRequest request, ServerCallContext context)
    {
        var requestId = Fields.Uuid(request.RequestId, "request_id");
        var keyId = Fields.KeyId(request.KeyId, "key_id");
        return (await keys.RotateAsync(requestId, keyId, context.CancellationToken)).ToMessage();
    }

    public async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var keyId = Fields.KeyId(request.KeyId, "key_id");
        return (await keys.RevokeAsync(keyId, context.CancellationToken)).ToMessage();
    }

    public async Task<Api.V1.Instruction> IssueInstruction(IssueInstructionRequest request, ServerCallContext context)
    {
        var amount = Fields.Uint256(request.Amount, "amount");
        var issued = await instructions.IssueAsync(new InstructionRequest(
            Fields.Uuid(request.RequestId, "request_id"),
            Fields.PartyId(request.CustodianId, "custodian_id"),
            Fields.PartyId(request.DeskId, "desk_id"),
            Fields.AssetCode(request.Asset, "asset"),
            request.Direction switch
            {
                Api.V1.TransferDirection.Deposit => Custody.Confirmations.TransferDirection.Deposit,
                Api.V1.TransferDirection.Withdrawal => Custody.Confirmations.TransferDirection.Withdrawal,
                _ => throw Fields.Invalid("direction", "must be TRANSFER_DIRECTION_DEPOSIT or TRANSFER_DIRECTION_WITHDRAWAL"),
            },
            amount.IsZero ? throw Fields.Invalid("amount", "must be positive") : amount,
            Fields.Text(request.Reason, "reason", 500)), context.CancellationToken);
        return issued.ToMessage();
    }

    public async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        new() { Keys = { (await keys.ListAsync(context.CancellationToken)).Select(k => k.ToMessage()) } };
}
