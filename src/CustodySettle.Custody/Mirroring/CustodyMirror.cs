using System.Collections.Concurrent;
using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Custody.Mirroring;

/// <summary>
/// Keeps every custody token's supply equal to the desk's holding at the custodian in the ledger
/// (Strands' model, DOMAIN.md): it mints or burns the difference with <c>guardMint</c>/<c>guardBurn</c>,
/// giving the supply it read as <c>estimatedSupply</c>. Each pass moves each target one step:
/// plan (record the operation), send (record its hash), confirm (after <see cref="MirrorOptions.FinalityDepth"/>
/// blocks, on the canonical chain). A crash at any point leaves a planned or sent operation that the next
/// pass drives on; the supply guard makes a repeated send revert rather than mint or burn twice, and a
/// <see cref="SupplyMismatch"/> is never retried blindly: the operation is superseded and the next pass
/// reads the supply again and decides anew.
/// </summary>
public sealed partial class CustodyMirror(
    PostgresMirrorStore store, ChainContracts contracts, IChainSigner minter, EthClient eth, MirrorOptions options, MirrorMetrics metrics, ILogger<CustodyMirror> logger)
{
    /// <summary>
    /// createToken transactions sent and not yet mined, by token. Not in the database: a repeat is
    /// harmless (createToken is idempotent), only wasteful, so after a restart one more is sent.
    /// </summary>
    private readonly ConcurrentDictionary<Address, Hash32> _creating = new();

    /// <summary>One pass over every target; returns how many are in sync at its end.</summary>
    public async Task<int> SyncAllAsync(CancellationToken cancellationToken)
    {
        var inSync = 0;
        var targets = await store.TargetsAsync(cancellationToken);
        foreach (var target in targets)
        {
            try
            {
                inSync += await SyncAsync(target, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is JsonRpcException or ContractRevertException or ChainSendException)
            {
                // One unreachable or refusing token must not stop the others; the next pass tries again.
                TargetFailed(logger, target.DeskId, target.CustodianId, target.AssetCode, e.Message);
            }
        }

        metrics.PassFinished(targets.Count, inSync);
        return inSync;
    }

    /// <summary>Moves one target one step; true when its supply is confirmed equal to the ledger.</summary>
    public async Task<bool> SyncAsync(MirrorTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (await store.OpenAsync(target, cancellationToken) is { } open)
        {
            if (open.Status == MirrorStatus.Planned && open.LedgerHeld != target.Held)
            {
                // Planned for a ledger figure that has moved since (a crash left it): sending it would only
                // need undoing; the next pass plans from the figures as they are.
                await CloseAsync(open, MirrorStatus.Superseded, $"the ledger moved from {open.LedgerHeld} to {target.Held} before it was sent", cancellationToken);
            }
            else
            {
                await DriveAsync(open, cancellationToken);
            }

            return false;
        }

        if (target.Held.Sign < 0)
        {
            NegativeHolding(logger, target.DeskId, target.CustodianId, target.AssetCode, target.Held);
            return false;
        }

        var token = await contracts.Factory.TokenForAsync(target.Holder, target.CustodianId, target.AssetCode, BlockTag.Latest, cancellationToken);
        if ((await eth.GetCodeAsync(token, BlockTag.Latest, cancellationToken)).Length == 0)
        {
            if (target.Held.IsZero)
            {
                return true;
            }

            // One creation in flight per token: a pass every MirrorInterval would otherwise queue a
            // createToken (~1.2M gas) per pass per new desk behind the first (1,000 desks onboarded at once
            // queued 17,000 in anvil's pool). A creation the node no longer knows is sent again; so is
            // one mined without the token appearing (reverted).
            if (_creating.TryGetValue(token, out var inFlight)
                && await eth.GetTransactionReceiptAsync(inFlight, cancellationToken) is null
                && await eth.GetTransactionByHashAsync(inFlight, cancellationToken) is not null)
            {
                return false;
            }

            // createToken is idempotent on chain (it returns the existing token), so a repeat is harmless.
            var created = await contracts.Factory.CreateTokenAsync(minter, target.Holder, target.CustodianId, target.AssetCode, cancellationToken);
            _creating[token] = created.Hash;
            TokenCreated(logger, token, target.DeskId, target.CustodianId, target.AssetCode, created.Hash);
            return false;
        }

        _creating.TryRemove(token, out _);

        var supply = await contracts.CustodyToken(token).TotalSupplyAsync(BlockTag.Latest, cancellationToken);
        if (supply == target.Held)
        {
            return true;
        }

        var operation = new MirrorOperation(
            Guid.NewGuid(), target.DeskId, target.CustodianId, target.LedgerId, token, target.Holder,
            target.Held > supply ? MirrorKind.Mint : MirrorKind.Burn, BigInteger.Abs(target.Held - supply), supply, target.Held,
            MirrorStatus.Planned, null, null, string.Empty);

        // The same operation was refused last time (a burn the holder's wallet cannot cover: its tokens are
        // escrowed as collateral, say): nothing changed, so asking again would only fail again. It waits
        // for the ledger or the supply to move; reconciliation reports the difference meanwhile.
        if (await store.LastClosedAsync(target, cancellationToken) is { Status: MirrorStatus.Failed } refused
            && (refused.Kind, refused.Amount, refused.EstimatedSupply, refused.LedgerHeld) == (operation.Kind, operation.Amount, operation.EstimatedSupply, operation.LedgerHeld))
        {
            return false;
        }

        if (await store.InsertPlannedAsync(operation, cancellationToken))
        {
            Planned(logger, operation.Kind, operation.Amount, token, supply, target.Held);
            metrics.Operation(operation.Kind, MirrorStatus.Planned);
            await DriveAsync(operation, cancellationToken);
        }

        return false;
    }

    private async Task DriveAsync(MirrorOperation operation, CancellationToken ct)
    {
        if (operation.Status == MirrorStatus.Planned)
        {
            await SendAsync(operation, ct);
        }
        else
        {
            await ConfirmAsync(operation, ct);
        }
    }

    private async Task SendAsync(MirrorOperation operation, CancellationToken ct)
    {
        var token = contracts.CustodyToken(operation.Token);
        try
        {
            var sent = operation.Kind == MirrorKind.Mint
                ? await token.GuardMintAsync(minter, operation.Holder, operation.Amount, operation.EstimatedSupply, ct)
                : await token.GuardBurnAsync(minter, operation.Holder, operation.Amount, operation.EstimatedSupply, ct);
            await store.UpdateAsync(operation with { Status = MirrorStatus.Sent, TransactionHash = sent.Hash }, null, ct);
            Sent(logger, operation.Kind, operation.Amount, operation.Token, sent.Hash);
            metrics.Operation(operation.Kind, MirrorStatus.Sent);
        }
        catch (ContractRevertException e) when (e.Error is SupplyMismatch mismatch)
        {
            // The pre-flight saw another supply: an earlier send of this very operation landed, or someone
            // else changed the supply. Nothing was sent; the next pass decides from the supply as it is.
            await CloseAsync(operation, MirrorStatus.Superseded, $"the supply was {mismatch.Actual}, not {mismatch.Expected}, when sent", ct);
        }
        catch (ContractRevertException e)
        {
            await CloseAsync(operation, MirrorStatus.Failed, e.Message, ct);
        }
    }

    private async Task ConfirmAsync(MirrorOperation operation, CancellationToken ct)
    {
        var hash = operation.TransactionHash!.Value;
        var receipt = await eth.GetTransactionReceiptAsync(hash, ct);
        if (receipt is null)
        {
            if (await eth.GetTransactionByHashAsync(hash, ct) is null)
            {
                // Dropped (or reorged out and gone from the pool): send the same guarded call again.
                await store.UpdateAsync(operation with { Status = MirrorStatus.Planned, BlockNumber = null }, null, ct);
            }

            return;
        }

        if (!receipt.Succeeded)
        {
            await CloseAsync(operation, MirrorStatus.Superseded, $"reverted in block {receipt.BlockNumber}: the supply moved before it was mined", ct);
            return;
        }

        var head = await eth.BlockNumberAsync(ct);
        if (head - receipt.BlockNumber + 1 < options.FinalityDepth)
        {
            return;
        }

        var block = await eth.GetBlockByNumberAsync(BlockTag.At(receipt.BlockNumber), ct);
        if (block?.Hash != receipt.BlockHash)
        {
            return; // reorged meanwhile: the receipt will move or vanish; look again next pass
        }

        await store.UpdateAsync(operation with { Status = MirrorStatus.Confirmed, BlockNumber = receipt.BlockNumber, Detail = string.Empty }, receipt.BlockHash.ToString(), ct);
        Confirmed(logger, operation.Kind, operation.Amount, operation.Token, receipt.BlockNumber);
        metrics.Operation(operation.Kind, MirrorStatus.Confirmed);
    }

    private async Task CloseAsync(MirrorOperation operation, MirrorStatus status, string detail, CancellationToken ct)
    {
        await store.UpdateAsync(operation with { Status = status, Detail = detail }, null, ct);
        Closed(logger, operation.Kind, operation.Amount, operation.Token, status, detail);
        metrics.Operation(operation.Kind, status);
    }
}
