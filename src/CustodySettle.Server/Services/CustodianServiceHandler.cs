using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Custody.Instructions;
using CustodySettle.Custody.Mirroring;
using CustodySettle.Custody.Statements;
using CustodySettle.Grpc;
using Role = CustodySettle.Domain.Access.Role;
using TransferDirection = CustodySettle.Custody.Confirmations.TransferDirection;
using V1Direction = CustodySettle.Api.V1.TransferDirection;

namespace CustodySettle.Server.Services;

/// <summary>
/// custodysettle.v1.CustodianService (custodian_service.proto): statements and confirmations from
/// custodians. A custodian key reports and reads only for its own custodian; operators for any;
/// auditors read.
/// </summary>
internal sealed class CustodianServiceHandler(
    StatementProcessor statements, PostgresStatementStore stored, ConfirmationProcessor confirmations, PostgresInstructionBook instructions,
    IMirrorTrigger mirror, ScopeGuard scope, TimeProvider time)
{
    private const int WatchBatch = 500;
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(1);

    private const int MaxLines = 10_000;
    private const int IdLength = 128;

    public async Task<Statement> ReportBalances(ReportBalancesRequest request, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        var statementId = Fields.Text(request.StatementId, "statement_id", IdLength);
        var asOf = Fields.Time(request.AsOf, "as_of") ?? throw Fields.Invalid("as_of", "is required");
        if (request.Lines.Count > MaxLines)
        {
            throw Fields.Invalid("lines", $"must hold at most {MaxLines} lines");
        }

        var lines = new List<ReportedLine>(request.Lines.Count);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            var field = $"lines[{i}]";
            var desk = Fields.PartyId(line.DeskId, $"{field}.desk_id");
            var asset = Fields.AssetCode(line.Asset, $"{field}.asset");
            if (!seen.Add((desk, asset)))
            {
                throw Fields.Invalid(field, $"repeats desk {desk} and asset {asset}: one line per desk and asset");
            }

            lines.Add(new ReportedLine(desk, asset, Fields.Uint256(line.Balance, $"{field}.balance"), Fields.Text(line.Reference, $"{field}.reference", IdLength, required: false)));
        }

        var report = new StatementReport(custodianId, statementId, asOf, lines);
        var statement = await statements.ReportAsync(report, context.CancellationToken);
        mirror.Poke(); // the custody tokens follow the ledger now, not at the next interval
        return statement.ToMessage();
    }

    public async Task<TransferConfirmation> ConfirmTransfer(ConfirmTransferRequest request, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        var direction = request.Direction switch
        {
            V1Direction.Deposit => TransferDirection.Deposit,
            V1Direction.Withdrawal => TransferDirection.Withdrawal,
            _ => throw Fields.Invalid("direction", "must be TRANSFER_DIRECTION_DEPOSIT or TRANSFER_DIRECTION_WITHDRAWAL"),
        };
        var amount = Fields.Uint256(request.Amount, "amount");
        if (amount.IsZero)
        {
            throw Fields.Invalid("amount", "must be positive");
        }

        var transfer = new ExecutedTransfer(
            custodianId,
            Fields.Text(request.ConfirmationId, "confirmation_id", IdLength),
            direction,
            Fields.PartyId(request.DeskId, "desk_id"),
            Fields.AssetCode(request.Asset, "asset"),
            amount,
            Fields.Time(request.ExecutedAt, "executed_at") ?? throw Fields.Invalid("executed_at", "is required"),
            Fields.Text(request.Reference, "reference", IdLength, required: false),
            request.InstructionId.Length == 0 ? null : Fields.Uuid(request.InstructionId, "instruction_id"));
        var confirmed = await confirmations.ConfirmAsync(transfer, context.CancellationToken);
        mirror.Poke();
        return confirmed.ToMessage();
    }

    public async Task<Statement> GetStatement(GetStatementRequest request, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        var statementId = Fields.Text(request.StatementId, "statement_id", IdLength);
        var statement = await stored.GetAsync(custodianId, statementId, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"statement_id: no statement '{statementId}' from custodian '{custodianId}'");
        return statement.ToMessage();
    }

    public async Task<ListStatementsResponse> ListStatements(ListStatementsRequest request, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        return new() { Statements = { (await stored.ListAsync(custodianId, context.CancellationToken)).Select(s => s.ToMessage()) } };
    }

    public async Task<ListInstructionsResponse> ListInstructions(ListInstructionsRequest request, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        bool? executed = request.Status switch
        {
            InstructionStatus.Unspecified => null,
            InstructionStatus.Pending => false,
            InstructionStatus.Executed => true,
            _ => throw Fields.Invalid("status", "is not an instruction status"),
        };
        return new() { Instructions = { (await instructions.ListAsync(custodianId, executed, context.CancellationToken)).Select(i => i.ToMessage()) } };
    }

    public async Task WatchInstructions(WatchInstructionsRequest request, IAsyncStreamWriter<Api.V1.Instruction> responseStream, ServerCallContext context)
    {
        var custodianId = Custodian(context, request.CustodianId);
        var after = request.AfterSequence >= 0 ? request.AfterSequence : throw Fields.Invalid("after_sequence", "must not be negative");
        var ct = context.CancellationToken;
        while (true)
        {
            // Take the signal before reading, so an instruction issued while the read runs is not slept through.
            var issued = instructions.Issued;
            var batch = await instructions.AfterAsync(custodianId, after, WatchBatch, ct);
            foreach (var instruction in batch)
            {
                await responseStream.WriteAsync(instruction.ToMessage(), ct);
                after = instruction.Sequence;
            }

            if (batch.Count < WatchBatch)
            {
                // Another instance's instructions arrive by the poll.
                await Task.WhenAny(issued, Task.Delay(WatchPoll, time, ct)).WaitAsync(ct);
            }
        }
    }

    /// <summary>The custodian a request speaks for: a custodian key's own (when omitted too); any, for operators and auditors.</summary>
    private string Custodian(ServerCallContext context, string requested)
    {
        var caller = ScopeGuard.CallerOf(context);
        if (caller.Role == Role.Custodian)
        {
            return requested.Length == 0 || requested == caller.ScopeId ? caller.ScopeId : throw scope.Deny(context, caller, $"custodian_id {requested}");
        }

        return Fields.PartyId(requested, "custodian_id");
    }
}
