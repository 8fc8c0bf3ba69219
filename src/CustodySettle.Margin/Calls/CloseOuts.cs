using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Status;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// The close-out on default (issue 7: "if configured, instructs a close-out on chain"): each perp
/// position of the defaulted desk's linked subaccounts is traded to the venue's close-out account at the
/// mark price through the TradeExecutor, so the venue stops carrying a position the desk no longer
/// margins. Crash-safe without trusting memory: each position is planned in PostgreSQL first; a planned
/// one is traded only while no transaction of the service's key is pending (a trade sent just before a
/// restart may be among them) and only for the size the chain still shows at the pass's block, so a
/// position is never closed twice; a sent one is finished by its receipt. Each close-out, or its
/// failure (a reverted trade, or one the pre-flight refused), is noted on the call's history once, so
/// the desk sees it on WatchMarginCalls.
/// </summary>
public sealed partial class CloseOuts(
    NpgsqlDataSource dataSource, PostgresMarginCallStore calls, ChainContracts contracts, EthClient eth, IChainSigner signer, CloseOutOptions options,
    ILogger<CloseOuts> logger)
{
    private const string Engine = "margin engine";

    public bool Enabled => options.VenueAccount is not null;

    /// <summary>Advances the close-out of <paramref name="call"/> (defaulted) with the positions the pass read in <paramref name="status"/>.</summary>
    public async Task RunAsync(MarginCall call, DeskMarginStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(status);
        if (options.VenueAccount is not { } venue || call.State != MarginCallState.Defaulted)
        {
            return;
        }

        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(CloseOutSql.Any, new { call.CallId }, cancellationToken: ct)))
        {
            await connection.ExecuteAsync(new CommandDefinition(CloseOutSql.Plan, status.Positions.Where(p => !p.Size.IsZero).Select(p => new
            {
                call.CallId, SubaccountId = Text(p.SubaccountId), p.Perp, Size = Text(p.Size), Now = now.UtcDateTime,
            }), cancellationToken: ct));
        }

        var rows = await connection.QueryAsync<(string SubaccountId, string Perp, string Size, string Status, string? TransactionHash)>(
            new CommandDefinition(CloseOutSql.Open, new { call.CallId }, cancellationToken: ct));
        foreach (var row in rows)
        {
            var subaccount = BigInteger.Parse(row.SubaccountId, CultureInfo.InvariantCulture);
            if (row.Status == "sent")
            {
                await FinishAsync(connection, call, subaccount, row.Perp, Hash32.Parse(row.TransactionHash!), venue, now, ct);
                continue;
            }

            var position = status.Positions.FirstOrDefault(p => p.SubaccountId == subaccount && p.Perp == row.Perp);
            if (position is null || position.Size.IsZero)
            {
                await MarkAsync(connection, call.CallId, subaccount, row.Perp, "done", null, $"already flat at block {status.BlockNumber}", now, ct);
                continue;
            }

            if (await eth.GetTransactionCountAsync(signer.Address, BlockTag.Pending, ct) > await eth.GetTransactionCountAsync(signer.Address, BlockTag.Latest, ct))
            {
                continue; // a transaction of ours is in flight: the next pass decides on the position as the chain then shows it
            }

            SentTransaction sent;
            try
            {
                sent = await contracts.Executor.TradeAsync(signer, subaccount, venue, contracts.Deployment[row.Perp], position.Size, position.MarkPrice, ct);
            }
            catch (ContractRevertException refused)
            {
                // The pre-flight reverted, so nothing was sent: as the chain stands the trade cannot go
                // through (most often the service's key is no TradeExecutor executor). Trying again each
                // pass would change only the log; the desk and an operator learn it from the call instead.
                var reason = $"close-out on default failed: the trade of the {What(subaccount, row.Perp)} was refused before sending ({refused.Revert?.Message}); an operator must close it";
                await NoteOnceAsync(call.CallId, reason, now, ct);
                await MarkAsync(connection, call.CallId, subaccount, row.Perp, "failed", null, reason, now, ct);
                Refused(logger, call.CallId, subaccount, row.Perp, signer.Address.ToString(), refused.Revert?.Message);
                continue;
            }

            await MarkAsync(connection, call.CallId, subaccount, row.Perp, "sent", sent.Hash.ToString(), $"size {position.Size} at mark {position.MarkPrice}", now, ct);
            Sent(logger, call.CallId, subaccount, row.Perp, position.Size, sent.Hash.ToString());
        }
    }

    /// <summary>
    /// Notes <paramref name="reason"/> on the call unless it is there already. The note goes before the
    /// close-out's row is marked: a crash between the two leaves the row open, the next pass reaches the
    /// same reason (it names the transaction, or the same refusal) and only marks it.
    /// </summary>
    private Task<MarginCall> NoteOnceAsync(Guid callId, string reason, DateTimeOffset now, CancellationToken ct) =>
        calls.TransitionAsync(callId, c => c.History.Any(h => h.Reason == reason) ? c : c.Note(Engine, now, reason), ct);

    private static string What(BigInteger subaccount, string perp) => string.Create(CultureInfo.InvariantCulture, $"{perp} position of subaccount {subaccount}");

    private async Task FinishAsync(
        NpgsqlConnection connection, MarginCall call, BigInteger subaccount, string perp, Hash32 hash, BigInteger venue, DateTimeOffset now, CancellationToken ct)
    {
        if (await eth.GetTransactionReceiptAsync(hash, ct) is not { } receipt)
        {
            return;
        }

        var what = What(subaccount, perp);
        var reason = receipt.Succeeded
            ? $"closed out on default: the {what} traded to the venue's account {venue} at the mark (transaction {hash}, block {receipt.BlockNumber})"
            : $"close-out on default failed: the trade of the {what} reverted (transaction {hash}); an operator must close it";
        await NoteOnceAsync(call.CallId, reason, now, ct);
        await MarkAsync(connection, call.CallId, subaccount, perp, receipt.Succeeded ? "done" : "failed", null, reason, now, ct);
        if (receipt.Succeeded)
        {
            ClosedOut(logger, call.CallId, subaccount, perp, hash.ToString());
        }
        else
        {
            Failed(logger, call.CallId, subaccount, perp, hash.ToString());
        }
    }

    private static Task<int> MarkAsync(
        NpgsqlConnection connection, Guid callId, BigInteger subaccount, string perp, string status, string? hash, string detail, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(CloseOutSql.Mark, new
        {
            CallId = callId, SubaccountId = Text(subaccount), Perp = perp, Status = status, TransactionHash = hash, Detail = detail, Now = now.UtcDateTime,
        }, cancellationToken: ct));

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Warning, Message = "Close-out of call {CallId}: {Perp} position {Size} of subaccount {Subaccount} sent in {Transaction}")]
    private static partial void Sent(ILogger logger, Guid callId, BigInteger subaccount, string perp, BigInteger size, string transaction);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "Close-out of call {CallId}: {Perp} position of subaccount {Subaccount} closed in {Transaction}")]
    private static partial void ClosedOut(ILogger logger, Guid callId, BigInteger subaccount, string perp, string transaction);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Error,
        Message = "Close-out of call {CallId}: the trade of {Perp} of subaccount {Subaccount} from {Signer} was refused before sending ({Revert}); an operator must close it")]
    private static partial void Refused(ILogger logger, Guid callId, BigInteger subaccount, string perp, string signer, string? revert);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "Close-out of call {CallId}: the trade of {Perp} of subaccount {Subaccount} reverted in {Transaction}; an operator must close it")]
    private static partial void Failed(ILogger logger, Guid callId, BigInteger subaccount, string perp, string transaction);
}
