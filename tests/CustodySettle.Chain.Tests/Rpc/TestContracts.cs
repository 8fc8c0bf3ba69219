using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>
/// Tiny contracts in hand-assembled EVM bytecode (opcodes: ethereum.org/developers/docs/evm/opcodes),
/// deployed with eth_sendTransaction from anvil's unlocked dev account.
/// </summary>
internal static class TestContracts
{
    public static readonly Address DevAccount = Address.Parse(AnvilFixture.DevAccount0);

    /// <summary>topic0 of the emitter's log: keccak256("Emitted(bytes)").</summary>
    public static readonly Hash32 EmittedTopic = Hash32.FromBytes(Keccak256.HashUtf8("Emitted(bytes)"));

    /// <summary>Emitter runtime: one log with topic <see cref="EmittedTopic"/> and the calldata as data.</summary>
    public static byte[] EmitterRuntime() =>
    [
        0x36,                   // CALLDATASIZE        [size]
        0x60, 0x00,             // PUSH1 0             [0 size]          calldata offset
        0x60, 0x00,             // PUSH1 0             [0 0 size]        memory offset
        0x37,                   // CALLDATACOPY        []                memory[0..size) = calldata
        0x7f, .. EmittedTopic.Bytes, // PUSH32 topic   [topic]
        0x36,                   // CALLDATASIZE        [size topic]
        0x60, 0x00,             // PUSH1 0             [0 size topic]
        0xa1,                   // LOG1                []                log(memory[0..size), topic)
        0x00,                   // STOP
    ];

    /// <summary>Echo runtime: returns its calldata.</summary>
    public static byte[] EchoRuntime() => CopyCalldataThen(0xf3); // RETURN

    /// <summary>Reverter runtime: reverts with its calldata as the revert data.</summary>
    public static byte[] ReverterRuntime() => CopyCalldataThen(0xfd); // REVERT

    /// <summary>Creation code that deploys <paramref name="runtime"/> (under 256 bytes).</summary>
    public static byte[] Creation(byte[] runtime) =>
    [
        0x60, (byte)runtime.Length, // PUSH1 len        [len]
        0x80,                       // DUP1             [len len]
        0x60, 0x0b,                 // PUSH1 11         [11 len len]     where the runtime starts in this code
        0x60, 0x00,                 // PUSH1 0          [0 11 len len]
        0x39,                       // CODECOPY         [len]            memory[0..len) = code[11..11+len)
        0x60, 0x00,                 // PUSH1 0          [0 len]
        0xf3,                       // RETURN           []               the runtime is memory[0..len)
        .. runtime,
    ];

    /// <summary>Deploys a runtime and returns its address (anvil must be automining).</summary>
    public static async Task<Address> DeployAsync(EthClient eth, byte[] runtime, CancellationToken ct = default)
    {
        var sent = await eth.SendTransactionAsync(new TransactionRequest { From = DevAccount, Data = Creation(runtime) }, ct);
        var receipt = await WaitForReceiptAsync(eth, sent.EnsureSent(), ct);
        return receipt.ContractAddress ?? throw new InvalidOperationException("The receipt has no contract address.");
    }

    /// <summary>
    /// The receipt once the transaction is mined. anvil answers eth_sendTransaction before its automine
    /// has mined the block, so a test that reads the chain right after a send must wait for this.
    /// </summary>
    public static async Task<TransactionReceipt> WaitForReceiptAsync(EthClient eth, Hash32 hash, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            if (await eth.GetTransactionReceiptAsync(hash, ct) is { } receipt)
            {
                return receipt;
            }

            await Task.Delay(5, ct);
        }

        throw new TimeoutException($"transaction {hash} not mined: is anvil automining?");
    }

    private static byte[] CopyCalldataThen(byte exit) =>
    [
        0x36,       // CALLDATASIZE        [size]
        0x60, 0x00, // PUSH1 0             [0 size]
        0x60, 0x00, // PUSH1 0             [0 0 size]
        0x37,       // CALLDATACOPY        []          memory[0..size) = calldata
        0x36,       // CALLDATASIZE        [size]
        0x60, 0x00, // PUSH1 0             [0 size]
        exit,       // RETURN / REVERT     memory[0..size)
    ];
}
