using CustodySettle.Api.V1;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Writing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using DomainOwnerKind = CustodySettle.Domain.Ledger.OwnerKind;
using V1OwnerKind = CustodySettle.Api.V1.OwnerKind;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// LedgerService over the real transport on a ledger with two desks at two custodians: what each
/// principal sees, and that nothing of another principal leaks through an answer or an error.
/// </summary>
public sealed class LedgerScopeTests : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private Dictionary<string, long> _accounts = null!;
    private string _alphaKey = string.Empty, _betaKey = string.Empty, _vaultKey = string.Empty, _auditorKey = string.Empty;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync();
        var usdc = await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = "0x0000000000000000000000000000000000000001" });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "B", WalletAddress = "0x0000000000000000000000000000000000000002" });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "vault", DisplayName = "V" });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "other", DisplayName = "O" });
        _alphaKey = await _api.IssueKeyAsync(Role.Desk, "alpha");
        _betaKey = await _api.IssueKeyAsync(Role.Desk, "beta");
        _vaultKey = await _api.IssueKeyAsync(Role.Custodian, "vault");
        _auditorKey = await _api.IssueKeyAsync(Role.Auditor);

        // alpha holds 700 at vault, beta 300 at other; both funded from the custodians' omnibus accounts.
        var store = new PostgresAccountStore(_api.Database.DataSource, TimeProvider.System);
        _accounts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["vault-omnibus"] = (await store.OpenAsync(new AccountKey(usdc.LedgerId, DomainOwnerKind.Custodian, "vault", "vault", "omnibus"), AccountLimits.None, default)).Id,
            ["alpha"] = (await store.OpenAsync(new AccountKey(usdc.LedgerId, DomainOwnerKind.Desk, "alpha", "vault", "available"), AccountLimits.None, default)).Id,
            ["other-omnibus"] = (await store.OpenAsync(new AccountKey(usdc.LedgerId, DomainOwnerKind.Custodian, "other", "other", "omnibus"), AccountLimits.None, default)).Id,
            ["beta"] = (await store.OpenAsync(new AccountKey(usdc.LedgerId, DomainOwnerKind.Desk, "beta", "other", "available"), AccountLimits.None, default)).Id,
        };
        await using var writer = new PostgresLedgerWriter(_api.Database.DataSource, new LedgerWriterOptions(), TimeProvider.System, NullLogger<PostgresLedgerWriter>.Instance);
        await writer.SubmitAsync(
            [
                new TransferRequest(Guid.NewGuid(), usdc.LedgerId, _accounts["vault-omnibus"], _accounts["alpha"], new Amount(700)),
                new TransferRequest(Guid.NewGuid(), usdc.LedgerId, _accounts["other-omnibus"], _accounts["beta"], new Amount(300)),
                new TransferRequest(Guid.NewGuid(), usdc.LedgerId, _accounts["alpha"], _accounts["beta"], new Amount(50)),
            ],
            default);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ListAccounts_DeskWithoutOwner_GetsItsOwnOnly()
    {
        var accounts = await _api.LedgerAsync<ListAccountsRequest, ListAccountsResponse>("ListAccounts", new ListAccountsRequest(), _alphaKey);

        var account = Assert.Single(accounts.Accounts);
        Assert.Equal((_accounts["alpha"], "USDC", "650", "vault"), (account.AccountId, account.Asset, account.Balance.NetPosted, account.CustodianId));
    }

    [Fact]
    public async Task ListAccounts_DeskNamingAnotherDesk_IsPermissionDeniedAlikeForAnyName()
    {
        var existing = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<ListAccountsRequest, ListAccountsResponse>(
            "ListAccounts", new ListAccountsRequest { OwnerKind = V1OwnerKind.Desk, OwnerId = "beta" }, _alphaKey));
        var missing = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<ListAccountsRequest, ListAccountsResponse>(
            "ListAccounts", new ListAccountsRequest { OwnerKind = V1OwnerKind.Desk, OwnerId = "nobody" }, _alphaKey));

        Assert.Equal(StatusCode.PermissionDenied, existing.StatusCode);
        Assert.Equal((existing.StatusCode, existing.Status.Detail.Replace("beta", "X", StringComparison.Ordinal)), (missing.StatusCode, missing.Status.Detail.Replace("nobody", "X", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetBalanceAt_AnotherPrincipalsAccount_IsNotFoundExactlyAsAMissingOne()
    {
        var foreign = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>(
            "GetBalanceAt", new GetBalanceAtRequest { AccountId = _accounts["beta"] }, _alphaKey));
        var missing = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>(
            "GetBalanceAt", new GetBalanceAtRequest { AccountId = 999_999 }, _alphaKey));
        var custodian = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>(
            "GetBalanceAt", new GetBalanceAtRequest { AccountId = _accounts["beta"] }, _vaultKey));

        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(missing.Status.Detail.Replace("999999", "N", StringComparison.Ordinal), foreign.Status.Detail.Replace(_accounts["beta"].ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal));
        Assert.Equal(StatusCode.NotFound, custodian.StatusCode);
    }

    [Fact]
    public async Task GetBalanceAt_PastSequenceAndNow_MatchTheJournal()
    {
        var before = await _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>("GetBalanceAt", new GetBalanceAtRequest { AccountId = _accounts["alpha"], Sequence = 1 }, _alphaKey);
        var now = await _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>("GetBalanceAt", new GetBalanceAtRequest { AccountId = _accounts["alpha"] }, _vaultKey);
        var origin = await _api.LedgerAsync<GetBalanceAtRequest, GetBalanceAtResponse>("GetBalanceAt", new GetBalanceAtRequest { AccountId = _accounts["alpha"], Sequence = 0 }, _auditorKey);

        Assert.Equal(("700", 1L), (before.Balance.NetPosted, before.LastEntrySequence));
        Assert.Equal(("650", "50"), (now.Balance.NetPosted, now.Balance.DebitsPosted));
        Assert.Equal("0", origin.Balance.NetPosted);
    }

    [Fact]
    public async Task ListJournal_Desk_SeesItsEntriesWithTheCounterpartysBalancesHidden()
    {
        var page = await _api.LedgerAsync<ListJournalRequest, ListJournalResponse>("ListJournal", new ListJournalRequest(), _alphaKey);
        var auditor = await _api.LedgerAsync<ListJournalRequest, ListJournalResponse>("ListJournal", new ListJournalRequest(), _auditorKey);

        Assert.Equal([1L, 3L], page.Entries.Select(e => e.Sequence));
        Assert.All(page.Entries, e => Assert.Null(e.DebitAccountId == _accounts["alpha"] ? e.CreditBalanceAfter : e.DebitBalanceAfter));
        Assert.Equal("650", page.Entries[1].DebitBalanceAfter.NetPosted);
        Assert.Equal(3, auditor.Entries.Count);
        Assert.All(auditor.Entries, e => Assert.NotNull(e.CreditBalanceAfter));
    }

    [Fact]
    public async Task ListJournal_CustodianWithoutAccount_IsInvalidArgumentNamingIt()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _api.LedgerAsync<ListJournalRequest, ListJournalResponse>("ListJournal", new ListJournalRequest(), _vaultKey));
        var own = await _api.LedgerAsync<ListJournalRequest, ListJournalResponse>("ListJournal", new ListJournalRequest { AccountId = _accounts["alpha"] }, _vaultKey);

        Assert.Equal((StatusCode.InvalidArgument, true), (error.StatusCode, error.Status.Detail.StartsWith("account_id:", StringComparison.Ordinal)));
        Assert.Equal(2, own.Entries.Count);
    }

    [Fact]
    public async Task ListJournal_PagesOfOne_WalkEveryEntryOnceAndRejectAForeignToken()
    {
        var seen = new List<long>();
        var token = string.Empty;
        do
        {
            var page = await _api.LedgerAsync<ListJournalRequest, ListJournalResponse>("ListJournal", new ListJournalRequest { PageSize = 1, PageToken = token }, _auditorKey);
            seen.AddRange(page.Entries.Select(e => e.Sequence));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var bad = await Assert.ThrowsAsync<RpcException>(() => _api.LedgerAsync<ListJournalRequest, ListJournalResponse>(
            "ListJournal", new ListJournalRequest { PageSize = 1, PageToken = "garbage" }, _auditorKey));

        Assert.Equal([1L, 2L, 3L], seen);
        Assert.Equal((StatusCode.InvalidArgument, true), (bad.StatusCode, bad.Status.Detail.StartsWith("page_token:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExportStatement_Desk_StreamsItsCsvAndIsDeniedAnotherOwners()
    {
        var request = new ExportStatementRequest
        {
            FromTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            ToTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        };
        var headers = new Metadata().Add("authorization", $"Bearer {_alphaKey}");
        using var call = _api.Channel.ServerStreaming(
            ApiHarness.Method<ExportStatementRequest, StatementChunk>(ApiHarness.LedgerService, "ExportStatement"), request, new GrpcCallOptions(headers));
        var chunks = new List<StatementChunk>();
        while (await call.ResponseStream.MoveNext(default))
        {
            chunks.Add(call.ResponseStream.Current);
        }

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var other = _api.Channel.ServerStreaming(
                ApiHarness.Method<ExportStatementRequest, StatementChunk>(ApiHarness.LedgerService, "ExportStatement"),
                new ExportStatementRequest(request) { OwnerKind = V1OwnerKind.Desk, OwnerId = "beta" }, new GrpcCallOptions(headers));
            await other.ResponseStream.MoveNext(default);
        });

        var csv = string.Concat(chunks.Select(c => c.Csv));
        Assert.Equal((1, 2L), (chunks[^1].Accounts, chunks[^1].Lines)); // alpha's account, its two entries
        Assert.StartsWith("record,account_id,asset_code", csv, StringComparison.Ordinal);
        Assert.Contains(",650,", csv, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task VerifyAuditChain_IntactThenTampered_ReportsTheBrokenSequence()
    {
        var intact = await _api.LedgerAsync<VerifyAuditChainRequest, VerifyAuditChainResponse>("VerifyAuditChain", new VerifyAuditChainRequest(), _auditorKey);
        await using (var connection = await _api.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE ledger_journal SET amount = amount + 1 WHERE seq = 2");
        }

        var tampered = await _api.LedgerAsync<VerifyAuditChainRequest, VerifyAuditChainResponse>("VerifyAuditChain", new VerifyAuditChainRequest(), _auditorKey);

        Assert.Equal((true, 3L), (intact.Intact, intact.EntriesChecked));
        Assert.Equal(("USDC", 3L), (intact.Heads.Single().Asset, intact.Heads.Single().Sequence));
        Assert.False(tampered.Intact);
        Assert.Equal(("USDC", 2L, "ChangedEntry"), (tampered.FirstBreak.Asset, tampered.FirstBreak.Sequence, tampered.FirstBreak.Kind));
    }
}
