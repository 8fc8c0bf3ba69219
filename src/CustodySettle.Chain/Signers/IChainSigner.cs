using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// Sends transactions from one account. Two implementations: <see cref="LocalKeySigner"/> signs EIP-1559
/// transactions with a key this process holds; <see cref="RemoteSigner"/> asks an endpoint that holds the
/// key (eth_sendTransaction: anvil's unlocked accounts, Clef, Web3Signer). Neither ever re-sends a
/// write blindly: an unanswered send is checked by hash and nonce first.
/// </summary>
public interface IChainSigner
{
    /// <summary>The sending account.</summary>
    Address Address { get; }

    /// <summary>Sends one transaction and returns once the node has it (not once it is mined: see
    /// <see cref="ReceiptWaiter"/>). Throws <see cref="ChainSendException"/> when it was refused or when
    /// whether it was sent cannot be established.</summary>
    Task<SentTransaction> SendAsync(TransactionIntent intent, CancellationToken cancellationToken);
}
