using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The scope half of the authorization matrix: every RPC that desks or custodians may call, asked by
/// the principal whose data it names and by another principal of the same role. The owner gets an
/// answer; the other gets PERMISSION_DENIED when the request names the scope outright, NOT_FOUND when it
/// names an object by its id (exactly as for a missing one), and never any of the owner's data.
/// (Role-level access for every RPC is <see cref="AuthorizationMatrixTests"/>.)
/// </summary>
public sealed class ScopeMatrixTests : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private long _alphaAccount;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync();
        await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        foreach (var (desk, wallet) in new[] { ("alpha", "0x0000000000000000000000000000000000000001"), ("beta", "0x0000000000000000000000000000000000000002") })
        {
            await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = desk, DisplayName = desk, WalletAddress = wallet });
            _keys[desk] = await _api.IssueKeyAsync(Role.Desk, desk);
        }

        foreach (var custodian in new[] { "vault", "other" })
        {
            await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = custodian, DisplayName = custodian });
            _keys[custodian] = await _api.IssueKeyAsync(Role.Custodian, custodian);
        }

        var statement = await _api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            StatementId = "s-1", AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = "700" } },
        }, _keys["vault"]);
        await _api.AdminAsync<IssueInstructionRequest, Instruction>("IssueInstruction", new IssueInstructionRequest
        {
            RequestId = Guid.NewGuid().ToString(), CustodianId = "vault", DeskId = "alpha", Asset = "USDC", Direction = TransferDirection.Withdrawal, Amount = "1", Reason = "r",
        });
        var accounts = await _api.LedgerAsync<ListAccountsRequest, ListAccountsResponse>("ListAccounts", new ListAccountsRequest(), _keys["alpha"]);
        _alphaAccount = accounts.Accounts.Single().AccountId;
        Assert.Equal(LineEffect.Credited, statement.Lines[0].Effect);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // rpc, owner (gets an answer), other (same role), what the other gets
        { "LedgerService/ListAccounts:alpha", "alpha", "beta", "PermissionDenied" },
        { "LedgerService/ListAccounts:alpha", "vault", "other", "Empty" },
        { "LedgerService/GetBalanceAt", "alpha", "beta", "NotFound" },
        { "LedgerService/GetBalanceAt", "vault", "other", "NotFound" },
        { "LedgerService/ListJournal", "alpha", "beta", "NotFound" },
        { "LedgerService/ListJournal", "vault", "other", "NotFound" },
        { "LedgerService/ExportStatement", "alpha", "beta", "PermissionDenied" },
        { "CustodianService/ReportBalances", "vault", "other", "PermissionDenied" },
        { "CustodianService/ConfirmTransfer", "vault", "other", "PermissionDenied" },
        { "CustodianService/GetStatement", "vault", "other", "PermissionDenied" },
        { "CustodianService/ListStatements", "vault", "other", "PermissionDenied" },
        { "CustodianService/ListInstructions", "vault", "other", "PermissionDenied" },
        { "CustodianService/WatchInstructions", "vault", "other", "PermissionDenied" },
        { "ReconciliationService/ListBreaks", "alpha", "beta", "Empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ScopedRpc_OwnerAnswered_OtherRefusedOrShownNothing(string rpc, string owner, string other, string otherGets)
    {
        var (ownerCode, _) = await CallAsync(rpc, _keys[owner]);
        var (otherCode, otherAnswer) = await CallAsync(rpc, _keys[other]);

        Assert.Equal(StatusCode.OK, ownerCode);
        if (otherGets == "Empty")
        {
            Assert.Equal(StatusCode.OK, otherCode);
            Assert.DoesNotContain("alpha", otherAnswer!.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(System.Enum.Parse<StatusCode>(otherGets), otherCode);
        }
    }

    /// <summary>Calls <paramref name="rpc"/> with a request naming alpha's data at vault; its status and answer.</summary>
    private async Task<(StatusCode Code, IMessage? Answer)> CallAsync(string rpc, string key)
    {
        var from = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1));
        var to = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1));
        try
        {
            IMessage answer = rpc switch
            {
                "LedgerService/ListAccounts:alpha" => await Ledger<ListAccountsRequest, ListAccountsResponse>("ListAccounts", new() { OwnerKind = OwnerKind.Desk, OwnerId = "alpha" }, key),
                "LedgerService/GetBalanceAt" => await Ledger<GetBalanceAtRequest, GetBalanceAtResponse>("GetBalanceAt", new() { AccountId = _alphaAccount }, key),
                "LedgerService/ListJournal" => await Ledger<ListJournalRequest, ListJournalResponse>("ListJournal", new() { AccountId = _alphaAccount }, key),
                "LedgerService/ExportStatement" => await FirstAsync<ExportStatementRequest, StatementChunk>(
                    ApiHarness.LedgerService, "ExportStatement", new() { OwnerKind = OwnerKind.Desk, OwnerId = "alpha", FromTime = from, ToTime = to }, key),
                "CustodianService/ReportBalances" => await Custodian<ReportBalancesRequest, Statement>("ReportBalances", new()
                {
                    CustodianId = "vault", StatementId = $"s-{Guid.NewGuid():N}", AsOf = to, Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = "700" } },
                }, key),
                "CustodianService/ConfirmTransfer" => await Custodian<ConfirmTransferRequest, TransferConfirmation>("ConfirmTransfer", new()
                {
                    CustodianId = "vault", ConfirmationId = $"c-{Guid.NewGuid():N}", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = "1", ExecutedAt = to,
                }, key),
                "CustodianService/GetStatement" => await Custodian<GetStatementRequest, Statement>("GetStatement", new() { CustodianId = "vault", StatementId = "s-1" }, key),
                "CustodianService/ListStatements" => await Custodian<ListStatementsRequest, ListStatementsResponse>("ListStatements", new() { CustodianId = "vault" }, key),
                "CustodianService/ListInstructions" => await Custodian<ListInstructionsRequest, ListInstructionsResponse>("ListInstructions", new() { CustodianId = "vault" }, key),
                "CustodianService/WatchInstructions" => await FirstAsync<WatchInstructionsRequest, Instruction>(ApiHarness.CustodianService, "WatchInstructions", new() { CustodianId = "vault" }, key),
                "ReconciliationService/ListBreaks" => await _api.CallAsync<ListBreaksRequest, ListBreaksResponse>(ApiHarness.ReconciliationService, "ListBreaks", new() { DeskId = "alpha" }, key),
                _ => throw new ArgumentException(rpc, nameof(rpc)),
            };
            return (StatusCode.OK, answer);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, null);
        }
    }

    private Task<TResponse> Ledger<TRequest, TResponse>(string method, TRequest request, string key)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => _api.CallAsync<TRequest, TResponse>(ApiHarness.LedgerService, method, request, key);

    private Task<TResponse> Custodian<TRequest, TResponse>(string method, TRequest request, string key)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => _api.CallAsync<TRequest, TResponse>(ApiHarness.CustodianService, method, request, key);

    /// <summary>The first message of a server stream (both streams here have one at once for their owner).</summary>
    private async Task<TResponse> FirstAsync<TRequest, TResponse>(Google.Protobuf.Reflection.ServiceDescriptor service, string method, TRequest request, string key)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = _api.Channel.ServerStreaming(
            ApiHarness.Method<TRequest, TResponse>(service, method), request,
            new GrpcCallOptions(new Metadata().Add("authorization", $"Bearer {key}"), CancellationToken: timeout.Token));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), $"{method} ended without a message");
        return call.ResponseStream.Current;
    }
}
