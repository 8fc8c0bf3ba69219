using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Domain.Access;
using Role = CustodySettle.Domain.Access.Role;
using CustodySettle.Domain.Ledger;
using CustodySettle.Grpc;
using CustodySettle.Ledger.Queries;
using DomainOwnerKind = CustodySettle.Domain.Ledger.OwnerKind;

namespace CustodySettle.Server.Services;

/// <summary>Journal pages and statements.</summary>
internal sealed partial class LedgerServiceHandler
{
    private const int ChunkChars = 32 * 1024;

    public async Task<ListJournalResponse> ListJournal(ListJournalRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var ct = context.CancellationToken;
        var pageSize = request.PageSize == 0 ? DefaultPageSize : Fields.Range(request.PageSize, "page_size", 1, LedgerQueries.MaxPageSize);
        var assets = await AssetCodesAsync(ct);
        var filter = new JournalFilter
        {
            From = Fields.Time(request.FromTime, "from_time"),
            To = Fields.Time(request.ToTime, "to_time"),
            TransferId = request.TransferId.Length == 0 ? null : Fields.Uuid(request.TransferId, "transfer_id"),
        };
        if (request.Asset.Length > 0)
        {
            var code = Fields.AssetCode(request.Asset, "asset");
            filter = filter with { LedgerId = assets.FirstOrDefault(a => a.Value == code).Key is var id and > 0 ? id : throw new RpcException(StatusCode.NotFound, $"asset: no asset '{code}'") };
        }

        var accounts = new Dictionary<long, Account?>();
        if (request.AccountId != 0)
        {
            var account = request.AccountId > 0 ? await queries.GetAccountAsync(request.AccountId, ct) : throw Fields.Invalid("account_id", "must be a positive account id");
            accounts[request.AccountId] = account;
            if (account is null || !Visible(caller, account))
            {
                var message = $"account_id: no account {request.AccountId}";
                throw account is null ? new RpcException(StatusCode.NotFound, message) : scope.Hide(context, caller, message);
            }

            filter = filter with { AccountId = request.AccountId };
        }

        if (request.OwnerKind != Api.V1.OwnerKind.Unspecified || request.OwnerId.Length > 0 || caller.Role == Role.Desk)
        {
            var (kind, ownerId) = Owner(context, caller, request.OwnerKind, request.OwnerId, "owner");
            filter = filter with { OwnerKind = kind, OwnerId = ownerId };
        }

        if (caller.Role == Role.Custodian && filter.AccountId is null)
        {
            throw Fields.Invalid("account_id", "is required for a custodian: it lists the journal of one account it holds");
        }

        JournalPage page;
        try
        {
            page = await queries.ListJournalAsync(filter, pageSize, request.PageToken.Length == 0 ? null : request.PageToken, ct);
        }
        catch (ArgumentException e) when (e.ParamName == "token")
        {
            throw Fields.Invalid("page_token", "is malformed or belongs to another query");
        }

        if (!caller.SeesEverything)
        {
            // Every account the page names, in one query rather than one per entry.
            var named = page.Entries.SelectMany(e => new[] { e.DebitAccountId, e.CreditAccountId }).Where(id => !accounts.ContainsKey(id)).ToHashSet();
            var found = await queries.GetAccountsAsync(named, ct);
            foreach (var id in named)
            {
                accounts[id] = found.GetValueOrDefault(id);
            }
        }

        var response = new ListJournalResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        foreach (var entry in page.Entries)
        {
            var message = entry.ToMessage(assets.GetValueOrDefault(entry.LedgerId, string.Empty));
            // A scoped caller sees its own side's balances; the counterparty's are another principal's data.
            if (!caller.SeesEverything)
            {
                if (accounts[entry.DebitAccountId] is not { } debit || !Visible(caller, debit))
                {
                    message.DebitBalanceAfter = null;
                }

                if (accounts[entry.CreditAccountId] is not { } credit || !Visible(caller, credit))
                {
                    message.CreditBalanceAfter = null;
                }
            }

            response.Entries.Add(message);
        }

        return response;
    }

    public async Task ExportStatement(ExportStatementRequest request, IAsyncStreamWriter<StatementChunk> responseStream, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var (kind, ownerId) = Owner(context, caller, request.OwnerKind, request.OwnerId, "owner", custodianMayNameOthers: false);
        var from = Fields.Time(request.FromTime, "from_time") ?? throw Fields.Invalid("from_time", "is required");
        var to = Fields.Time(request.ToTime, "to_time") ?? throw Fields.Invalid("to_time", "is required");
        if (to < from)
        {
            throw Fields.Invalid("to_time", "must not be before from_time");
        }

        // The exporter writes text; it is sent in chunks as it comes, so a long statement never sits whole in memory.
        await using var writer = new ChunkingWriter(responseStream, ChunkChars, context.CancellationToken);
        var summary = await statements.ExportAsync(kind, ownerId, from, to, writer, context.CancellationToken);
        await writer.FinishAsync(new StatementChunk { Accounts = summary.Accounts, Lines = summary.Lines });
    }

    private static bool Visible(Principal caller, Account account) =>
        caller.MaySee(account.Key.OwnerKind == DomainOwnerKind.Desk, account.Key.OwnerId, account.Key.CustodianId);
}
