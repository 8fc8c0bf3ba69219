using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using Dapper;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// CustodianService over the real transport, ledger and PostgreSQL: statements bring the ledger to the
/// custodian's figures line by line, confirmations move it, every report is idempotent by the
/// custodian's own id, and a custodian speaks only for itself.
/// </summary>
public sealed class CustodianServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private ApiHarness _api = null!;
    private string _vault = string.Empty, _other = string.Empty;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync();
        await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = "0x0000000000000000000000000000000000000001" });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "vault", DisplayName = "V" });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "other", DisplayName = "O" });
        _vault = await _api.IssueKeyAsync(Role.Custodian, "vault");
        _other = await _api.IssueKeyAsync(Role.Custodian, "other");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ReportBalances_HigherThenLower_CreditsThenDebitsTheDesksAvailableAgainstTheOmnibus()
    {
        var first = await ReportAsync("s-1", Noon, "1000000");
        var second = await ReportAsync("s-2", Noon.AddHours(1), "400000");

        Assert.Equal((LineEffect.Credited, "0", "1000000"), (first.Lines[0].Effect, first.Lines[0].LedgerBalanceBefore, first.Lines[0].Delta));
        Assert.Equal((LineEffect.Debited, "1000000", "-600000"), (second.Lines[0].Effect, second.Lines[0].LedgerBalanceBefore, second.Lines[0].Delta));
        Assert.True(second.Lines[0].JournalSequence > first.Lines[0].JournalSequence);
        Assert.Equal(("400000", "-400000"), (await NetAsync("desk", "alpha", "available"), await NetAsync("custodian", "vault", "omnibus")));
    }

    [Fact]
    public async Task ReportBalances_Replayed_ReturnsTheFirstAnswerAndAppliesOnce()
    {
        var first = await ReportAsync("s-1", Noon, "1000000");
        var replay = await ReportAsync("s-1", Noon, "1000000");
        var changed = await Assert.ThrowsAsync<RpcException>(() => ReportAsync("s-1", Noon, "999999"));

        Assert.Equal(first, replay);
        Assert.Equal(StatusCode.AlreadyExists, changed.StatusCode);
        Assert.Contains("lines[0].balance", changed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("1000000", await NetAsync("desk", "alpha", "available"));
    }

    [Fact]
    public async Task ReportBalances_SameBalanceOrOlderStatement_UnchangedOrSuperseded()
    {
        await ReportAsync("s-2", Noon.AddHours(1), "500");
        var same = await ReportAsync("s-3", Noon.AddHours(2), "500");
        var older = await ReportAsync("s-1", Noon, "900");

        Assert.Equal((LineEffect.Unchanged, "0"), (same.Lines[0].Effect, same.Lines[0].Delta));
        Assert.Equal((LineEffect.Superseded, string.Empty), (older.Lines[0].Effect, older.Lines[0].TransferId));
        Assert.Equal("500", await NetAsync("desk", "alpha", "available"));
    }

    [Fact]
    public async Task ReportBalances_ForAnotherCustodian_IsPermissionDeniedAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync("s-1", Noon, "100", key: _other, custodianId: "vault"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await CountAsync("custody_statements"));
    }

    [Theory]
    [InlineData("ghost", "USDC", "100", StatusCode.NotFound, "lines[0].desk_id")]
    [InlineData("alpha", "DOGE", "100", StatusCode.NotFound, "lines[0].asset")]
    [InlineData("alpha", "USDC", "-1", StatusCode.InvalidArgument, "lines[0].balance")]
    [InlineData("alpha", "USDC", "1.5", StatusCode.InvalidArgument, "lines[0].balance")]
    public async Task ReportBalances_BadLine_IsRefusedNamingItAndStoresNothing(string desk, string asset, string balance, StatusCode code, string field)
    {
        var request = new ReportBalancesRequest { StatementId = "s-1", AsOf = Timestamp.FromDateTimeOffset(Noon), Lines = { new StatementLine { DeskId = desk, Asset = asset, Balance = balance } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", request, _vault));

        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("custody_statements"));
    }

    [Fact]
    public async Task ConfirmTransfer_DepositThenTooLargeWithdrawal_SecondRefusedAndReplaysKeepTheirAnswers()
    {
        var deposit = Confirmation("c-1", TransferDirection.Deposit, "700");
        var withdrawal = Confirmation("c-2", TransferDirection.Withdrawal, "701");

        var deposited = await ConfirmAsync(deposit);
        var replay = await ConfirmAsync(deposit);
        var refused = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(withdrawal));
        var refusedAgain = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(withdrawal));
        var changed = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(new ConfirmTransferRequest(deposit) { Amount = "701" }));

        Assert.Equal(("700", deposited), (deposited.AvailableAfter, replay));
        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (refused.StatusCode, refusedAgain.StatusCode));
        Assert.Equal((StatusCode.AlreadyExists, true), (changed.StatusCode, changed.Status.Detail.Contains("amount", StringComparison.Ordinal)));
        Assert.Equal("700", await NetAsync("desk", "alpha", "available"));
    }

    [Fact]
    public async Task ConfirmTransfer_ThenStatementAgreeing_LineIsUnchanged()
    {
        await ConfirmAsync(Confirmation("c-1", TransferDirection.Deposit, "250"));

        var statement = await ReportAsync("s-1", Noon, "250");

        Assert.Equal(LineEffect.Unchanged, statement.Lines[0].Effect);
    }

    [Fact]
    public async Task GetAndListStatements_OwnCustodianOnly()
    {
        var reported = await ReportAsync("s-1", Noon, "5");

        var fetched = await _api.CallAsync<GetStatementRequest, Statement>(ApiHarness.CustodianService, "GetStatement", new GetStatementRequest { StatementId = "s-1" }, _vault);
        var listed = await _api.CallAsync<ListStatementsRequest, ListStatementsResponse>(ApiHarness.CustodianService, "ListStatements", new ListStatementsRequest(), _vault);
        var foreign = await Assert.ThrowsAsync<RpcException>(() => _api.CallAsync<GetStatementRequest, Statement>(
            ApiHarness.CustodianService, "GetStatement", new GetStatementRequest { CustodianId = "vault", StatementId = "s-1" }, _other));
        var none = await Assert.ThrowsAsync<RpcException>(() => _api.CallAsync<GetStatementRequest, Statement>(
            ApiHarness.CustodianService, "GetStatement", new GetStatementRequest { StatementId = "s-1" }, _other));

        Assert.Equal(reported, fetched);
        Assert.Equal(["s-1"], listed.Statements.Select(s => s.StatementId));
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(StatusCode.NotFound, none.StatusCode);
    }

    private Task<Statement> ReportAsync(string statementId, DateTimeOffset asOf, string balance, string? key = null, string custodianId = "") =>
        _api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            CustodianId = custodianId,
            StatementId = statementId,
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = balance, Reference = "acct-7" } },
        }, key ?? _vault);

    private static ConfirmTransferRequest Confirmation(string id, TransferDirection direction, string amount) => new()
    {
        ConfirmationId = id, Direction = direction, DeskId = "alpha", Asset = "USDC", Amount = amount, ExecutedAt = Timestamp.FromDateTimeOffset(Noon),
    };

    private Task<TransferConfirmation> ConfirmAsync(ConfirmTransferRequest request) =>
        _api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", request, _vault);

    private async Task<string> NetAsync(string ownerKind, string ownerId, string purpose)
    {
        await using var connection = await _api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            "SELECT (credits_posted - debits_posted)::text FROM ledger_accounts WHERE owner_kind = @ownerKind AND owner_id = @ownerId AND purpose = @purpose",
            new { ownerKind, ownerId, purpose }) ?? "none";
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
