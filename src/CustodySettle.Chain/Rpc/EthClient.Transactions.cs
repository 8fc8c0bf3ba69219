using System.Numerics;
using System.Text.Json;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>Accounts, sending, and looking transactions up.</summary>
public sealed partial class EthClient
{
    /// <summary>eth_getTransactionCount: the account's nonce at a block; <see cref="BlockTag.Pending"/>
    /// counts the node's pool too.</summary>
    public Task<long> GetTransactionCountAsync(Address address, BlockTag block, CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_getTransactionCount", address.ToLowerHex(), Tag(block)), EthJsonReader.Int64, cancellationToken);

    /// <summary>eth_getBalance in wei.</summary>
    public Task<BigInteger> GetBalanceAsync(Address address, BlockTag block, CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_getBalance", address.ToLowerHex(), Tag(block)), EthJsonReader.QuantityOf, cancellationToken);

    /// <summary>
    /// eth_sendRawTransaction, sent once (never retried). The hash is keccak256 of the signed bytes
    /// (EIP-2718), so it is in the outcome whatever happened: on <see cref="SendStatus.Unknown"/> look it
    /// up (<see cref="GetTransactionByHashAsync"/>) and check the nonce before sending again. Re-sending the
    /// same signed bytes is harmless; signing anew with the same nonce replaces, with another risks a double spend.
    /// Cancellation throws, and then too the transaction may have reached the node.
    /// </summary>
    public async Task<SendOutcome> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken)
    {
        if (signedTransaction.IsEmpty)
        {
            throw new ArgumentException("The signed transaction is empty.", nameof(signedTransaction));
        }

        var hash = Hash32.FromBytes(Keccak256.Hash(signedTransaction.Span));
        return await SendAsync(JsonRpcRequest.Create("eth_sendRawTransaction", Hex.Encode(signedTransaction.Span)), hash, cancellationToken);
    }

    /// <summary>
    /// eth_sendTransaction: the node signs with an account it holds unlocked (dev nodes such as anvil).
    /// Sent once; on <see cref="SendStatus.Unknown"/> the hash is unknown, so check the sender's nonce.
    /// </summary>
    public Task<SendOutcome> SendTransactionAsync(TransactionRequest transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.From is null)
        {
            throw new ArgumentException("eth_sendTransaction needs a sender.", nameof(transaction));
        }

        return SendAsync(JsonRpcRequest.Create("eth_sendTransaction", EthJsonWriter.Transaction(transaction)), null, cancellationToken);
    }

    /// <summary>eth_getTransactionByHash; null when the node does not know the hash.</summary>
    public Task<TransactionDetails?> GetTransactionByHashAsync(Hash32 hash, CancellationToken cancellationToken) =>
        ReadAsync(
            JsonRpcRequest.Create("eth_getTransactionByHash", hash.ToString()),
            r => r.ValueKind == JsonValueKind.Null ? null : EthJsonReader.ReadTransaction(r),
            cancellationToken);

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined (or unknown).</summary>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash32 hash, CancellationToken cancellationToken) =>
        ReadAsync(
            JsonRpcRequest.Create("eth_getTransactionReceipt", hash.ToString()),
            r => r.ValueKind == JsonValueKind.Null ? null : EthJsonReader.ReadReceipt(r),
            cancellationToken);

    private async Task<SendOutcome> SendAsync(JsonRpcRequest request, Hash32? localHash, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _rpc.CallAsync(request, cancellationToken);
            return new SendOutcome(SendStatus.Sent, Parse(request.Method, result, EthJsonReader.HashOf), null);
        }
        catch (JsonRpcException error) when (error.Kind == JsonRpcErrorKind.Rpc)
        {
            return new SendOutcome(SendStatus.Rejected, localHash, error);
        }
        catch (JsonRpcException error)
        {
            // Timeout, lost connection, garbled answer (a malformed hash included): the node may have it.
            return new SendOutcome(SendStatus.Unknown, localHash, error);
        }
    }
}
