using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Instructions to custodians over the real transport: issued idempotently by operators, listed and
/// watched (resuming from a sequence) by the custodian they are for only, executed by a confirmation
/// that names them and matches them.
/// </summary>
public sealed class InstructionsTests : IAsyncLifetime
{
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
    public async Task IssueInstruction_Replayed_SameInstruction_AndChangedReplayIsAlreadyExists()
    {
        var request = Withdrawal(Guid.NewGuid(), "300");

        var first = await IssueAsync(request);
        var again = await IssueAsync(request);
        var changed = await Assert.ThrowsAsync<RpcException>(() => IssueAsync(new IssueInstructionRequest(request) { Amount = "301" }));

        Assert.Equal(first, again);
        Assert.Equal((InstructionStatus.Pending, "300", "vault"), (first.Status, first.Amount, first.CustodianId));
        Assert.Equal((StatusCode.AlreadyExists, true), (changed.StatusCode, changed.Status.Detail.Contains("amount", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListInstructions_OnlyTheCustodiansOwn_AndAnotherCustodianIsDenied()
    {
        await IssueAsync(Withdrawal(Guid.NewGuid(), "1"));

        var own = await ListAsync(_vault, new ListInstructionsRequest());
        var others = await ListAsync(_other, new ListInstructionsRequest());
        var denied = await Assert.ThrowsAsync<RpcException>(() => ListAsync(_other, new ListInstructionsRequest { CustodianId = "vault" }));

        Assert.Single(own.Instructions);
        Assert.Empty(others.Instructions);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task WatchInstructions_FromZeroThenResumed_MissesNothingAndRepeatsNothing()
    {
        var first = await IssueAsync(Withdrawal(Guid.NewGuid(), "1"));
        var second = await IssueAsync(Withdrawal(Guid.NewGuid(), "2"));

        var fromZero = await WatchAsync(0, expected: 2);
        var resumed = await WatchAsync(first.Sequence, expected: 2, issueWhileWatching: Withdrawal(Guid.NewGuid(), "3"));

        Assert.Equal([first.InstructionId, second.InstructionId], fromZero.Select(i => i.InstructionId));
        Assert.Equal(["2", "3"], resumed.Select(i => i.Amount));
        Assert.True(resumed[1].Sequence > resumed[0].Sequence);
    }

    [Fact]
    public async Task ConfirmTransfer_NamingTheInstruction_ExecutesIt_AndAMismatchIsRefused()
    {
        await ConfirmAsync(new ConfirmTransferRequest { ConfirmationId = "dep-1", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = "1000" });
        var instruction = await IssueAsync(Withdrawal(Guid.NewGuid(), "300"));

        var mismatch = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(new ConfirmTransferRequest
        {
            ConfirmationId = "wd-0", Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "299", InstructionId = instruction.InstructionId,
        }));
        var executed = await ConfirmAsync(new ConfirmTransferRequest
        {
            ConfirmationId = "wd-1", Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "300", InstructionId = instruction.InstructionId,
        });
        var twice = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(new ConfirmTransferRequest
        {
            ConfirmationId = "wd-2", Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "300", InstructionId = instruction.InstructionId,
        }));
        var listed = await ListAsync(_vault, new ListInstructionsRequest { Status = InstructionStatus.Executed });

        Assert.Equal((StatusCode.InvalidArgument, true), (mismatch.StatusCode, mismatch.Status.Detail.StartsWith("instruction_id:", StringComparison.Ordinal)));
        Assert.Equal("700", executed.AvailableAfter);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal(("wd-1", InstructionStatus.Executed), (Assert.Single(listed.Instructions).ConfirmationId, listed.Instructions[0].Status));
    }

    [Fact]
    public async Task ConfirmTransfer_ResentNamingAnInstructionItDidNotName_IsAConflictOnInstructionId_AndExecutesNothing()
    {
        await ConfirmAsync(new ConfirmTransferRequest { ConfirmationId = "dep-1", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = "1000" });
        var instruction = await IssueAsync(Withdrawal(Guid.NewGuid(), "300"));
        var withdrawal = new ConfirmTransferRequest
        {
            ConfirmationId = "wd-1", Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "300",
            ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        };

        var first = await ConfirmAtAsync(withdrawal);
        var resent = await Assert.ThrowsAsync<RpcException>(() => ConfirmAtAsync(new ConfirmTransferRequest(withdrawal) { InstructionId = instruction.InstructionId }));
        var replay = await ConfirmAtAsync(withdrawal);
        var pending = await ListAsync(_vault, new ListInstructionsRequest { Status = InstructionStatus.Pending });

        Assert.Equal((StatusCode.AlreadyExists, true), (resent.StatusCode, resent.Status.Detail.Contains("instruction_id", StringComparison.Ordinal)));
        Assert.Equal(first, replay);
        Assert.Equal(instruction.InstructionId, Assert.Single(pending.Instructions).InstructionId);
    }

    [Fact]
    public async Task ConfirmTransfer_TwoConfirmationsOfOneInstructionAtOnce_OnlyOneExecutesIt()
    {
        await ConfirmAsync(new ConfirmTransferRequest { ConfirmationId = "dep-1", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = "1000" });
        var instruction = await IssueAsync(Withdrawal(Guid.NewGuid(), "300"));
        ConfirmTransferRequest Execution(string id) => new()
        {
            ConfirmationId = id, Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "300", InstructionId = instruction.InstructionId,
        };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                return (await ConfirmAsync(Execution($"wd-{i}"))).AvailableAfter;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return "refused";
            }
        }));

        var after = await ConfirmAsync(new ConfirmTransferRequest { ConfirmationId = "dep-2", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = "1" });

        Assert.Equal(["700"], outcomes.Where(o => o != "refused"));
        Assert.Equal("701", after.AvailableAfter); // 1000 - 300 once + 1
    }

    private static IssueInstructionRequest Withdrawal(Guid requestId, string amount) => new()
    {
        RequestId = requestId.ToString(), CustodianId = "vault", DeskId = "alpha", Asset = "USDC", Direction = TransferDirection.Withdrawal,
        Amount = amount, Reason = "return of excess collateral",
    };

    private Task<Instruction> IssueAsync(IssueInstructionRequest request) => _api.AdminAsync<IssueInstructionRequest, Instruction>("IssueInstruction", request);

    private Task<ListInstructionsResponse> ListAsync(string key, ListInstructionsRequest request) =>
        _api.CallAsync<ListInstructionsRequest, ListInstructionsResponse>(ApiHarness.CustodianService, "ListInstructions", request, key);

    /// <summary>A confirmation as given, executed_at included (a replay must repeat it).</summary>
    private Task<TransferConfirmation> ConfirmAtAsync(ConfirmTransferRequest request) =>
        _api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", request, _vault);

    private Task<TransferConfirmation> ConfirmAsync(ConfirmTransferRequest request)
    {
        request.ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        return _api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", request, _vault);
    }

    /// <summary>Reads <paramref name="expected"/> instructions from a watch (issuing one meanwhile, if asked), then ends the call.</summary>
    private async Task<List<Instruction>> WatchAsync(long after, int expected, IssueInstructionRequest? issueWhileWatching = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var headers = new Metadata().Add("authorization", $"Bearer {_vault}");
        using var call = _api.Channel.ServerStreaming(
            ApiHarness.Method<WatchInstructionsRequest, Instruction>(ApiHarness.CustodianService, "WatchInstructions"),
            new WatchInstructionsRequest { AfterSequence = after }, new GrpcCallOptions(headers, CancellationToken: timeout.Token));
        var seen = new List<Instruction>();
        while (seen.Count < expected && await call.ResponseStream.MoveNext(timeout.Token))
        {
            seen.Add(call.ResponseStream.Current);
            if (issueWhileWatching is not null && seen.Count == 1)
            {
                await IssueAsync(issueWhileWatching);
            }
        }

        return seen;
    }
}
