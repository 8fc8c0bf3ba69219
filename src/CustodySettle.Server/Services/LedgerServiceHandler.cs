using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Domain.Access;
using Role = CustodySettle.Domain.Access.Role;
using CustodySettle.Grpc;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Registry;
using DomainOwnerKind = CustodySettle.Domain.Ledger.OwnerKind;

namespace CustodySettle.Server.Services;

/// <summary>
/// custodysettle.v1.LedgerService: the collateral ledger, read-only (ledger_service.proto). Auditors and
/// operators read everything; a desk its own accounts; a custodian the accounts it holds.
/// </summary>
internal sealed partial class LedgerServiceHandler(
    LedgerQueries queries, StatementExporter statements, JournalVerifier verifier, PostgresRegistry registry, ScopeGuard scope)
{
    private const int DefaultPageSize = 100;

    public async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var (kind, ownerId) = Owner(context, caller, request.OwnerKind, request.OwnerId, "owner");
        var assets = await AssetCodesAsync(context.CancellationToken);
        var accounts = await queries.ListAccountsAsync(kind, ownerId, context.CancellationToken);
        return new()
        {
            Accounts =
            {
                accounts.Where(a => caller.MaySee(a.Key.OwnerKind == DomainOwnerKind.Desk, a.Key.OwnerId, a.Key.CustodianId))
                    .Select(a => a.ToMessage(assets[a.Key.LedgerId])),
            },
        };
    }

    public async Task<GetBalanceAtResponse> GetBalanceAt(GetBalanceAtRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        if (request.AccountId <= 0)
        {
            throw Fields.Invalid("account_id", "must be a positive account id");
        }

        var ct = context.CancellationToken;
        var account = await queries.GetAccountAsync(request.AccountId, ct);
        if (account is null || !caller.MaySee(account.Key.OwnerKind == DomainOwnerKind.Desk, account.Key.OwnerId, account.Key.CustodianId))
        {
            var message = $"account_id: no account {request.AccountId}";
            throw account is null ? new RpcException(StatusCode.NotFound, message) : scope.Hide(context, caller, message);
        }

        var assets = await AssetCodesAsync(ct);
        var point = request.AsOfCase switch
        {
            GetBalanceAtRequest.AsOfOneofCase.Sequence => request.Sequence >= 0
                ? await queries.BalanceAtSequenceAsync(account.Id, request.Sequence, ct)
                : throw Fields.Invalid("sequence", "must not be negative"),
            GetBalanceAtRequest.AsOfOneofCase.Time => await queries.BalanceAtAsync(account.Id, Fields.Time(request.Time, "time")!.Value, ct),
            _ => null,
        };
        return new()
        {
            Account = account.ToMessage(assets[account.Key.LedgerId]),
            Balance = point is null ? account.Balance.ToMessage() : point.Balance.ToMessage(),
            AsOfSequence = point?.AsOfSeq ?? 0,
            LastEntrySequence = point?.LastEntrySeq ?? 0,
        };
    }

    public async Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var result = await verifier.VerifyAllAsync(progress: null, ct);
        var assets = await AssetCodesAsync(ct);
        var response = new VerifyAuditChainResponse
        {
            Intact = result.IsOk,
            LedgersChecked = result.LedgersChecked,
            EntriesChecked = result.EntriesChecked,
            AccountsReplayed = result.AccountsReplayed,
        };
        if (result.FirstBreak is { } broken)
        {
            response.FirstBreak = new AuditBreak
            {
                Asset = assets.GetValueOrDefault(broken.LedgerId, $"ledger {broken.LedgerId}"),
                Sequence = broken.Seq,
                Kind = broken.Kind.ToString(),
                Detail = broken.Detail,
            };
        }

        foreach (var head in await queries.ListHeadsAsync(ct))
        {
            response.Heads.Add(new LedgerHead { Asset = assets.GetValueOrDefault(head.LedgerId, $"ledger {head.LedgerId}"), Sequence = head.Seq, Hash = Convert.ToHexStringLower(head.Hash) });
        }

        return response;
    }

    /// <summary>
    /// The owner a request names, checked against the caller: a desk may only name itself, or nothing
    /// (itself). A custodian may name any owner (nothing: itself) with <paramref name="custodianMayNameOthers"/>;
    /// what it then gets is filtered to the accounts it holds.
    /// </summary>
    private (DomainOwnerKind Kind, string OwnerId) Owner(
        ServerCallContext context, Principal caller, Api.V1.OwnerKind kind, string ownerId, string field, bool custodianMayNameOthers = true)
    {
        if (kind == Api.V1.OwnerKind.Unspecified && ownerId.Length == 0 && RoleNames.IsScoped(caller.Role))
        {
            return (caller.Role == Role.Desk ? DomainOwnerKind.Desk : DomainOwnerKind.Custodian, caller.ScopeId);
        }

        var parsed = LedgerMapping.FromMessage(kind) ?? throw Fields.Invalid($"{field}_kind", "must be OWNER_KIND_DESK, OWNER_KIND_VENUE or OWNER_KIND_CUSTODIAN");
        var id = Fields.Text(ownerId, $"{field}_id", 128);
        var own = caller.Role switch
        {
            Role.Desk => parsed == DomainOwnerKind.Desk && id == caller.ScopeId,
            Role.Custodian => custodianMayNameOthers || (parsed == DomainOwnerKind.Custodian && id == caller.ScopeId),
            _ => true,
        };
        return own ? (parsed, id) : throw scope.Deny(context, caller, $"{field}_id {id}");
    }

    private async Task<Dictionary<int, string>> AssetCodesAsync(CancellationToken ct) =>
        (await registry.ListAssetsAsync(ct)).ToDictionary(a => a.LedgerId, a => a.AssetCode);
}
