using System.Buffers.Binary;
using System.Text.Json.Nodes;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Tests.Rpc;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>
/// Emits numbered events from an emitter contract (TestContracts.EmitterRuntime) on anvil: the data of
/// event n is n as 4 big-endian bytes, so every event is distinct and a consumer's rows can be checked
/// against the numbers emitted.
/// </summary>
internal sealed class EventEmitter(JsonRpcClient rpc, Address contract)
{
    private int _next;

    /// <summary>How many events were emitted (their numbers are 0 to this minus one).</summary>
    public int Emitted => _next;

    public static int Number(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadInt32BigEndian(data);

    /// <summary>The transaction that emits event <paramref name="number"/> (for anvil_reorg too).</summary>
    public JsonObject Transaction(int number, long? nonce = null)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(data, number);
        var transaction = new JsonObject
        {
            ["from"] = TestContracts.DevAccount.ToLowerHex(),
            ["to"] = contract.ToLowerHex(),
            ["data"] = Hex.Encode(data),
            ["gas"] = "0x186a0",
        };
        if (nonce is { } value)
        {
            transaction["nonce"] = Hex.EncodeQuantity(value);
        }

        return transaction;
    }

    /// <summary>Emits events one by one, each mined in a block of its own (anvil automines), and
    /// returns once the last is mined.</summary>
    public async Task<IReadOnlyList<int>> EachInOwnBlockAsync(int count)
    {
        var numbers = Next(count);
        var eth = new EthClient(rpc);
        foreach (var number in numbers)
        {
            // One at a time, each waited for: anvil answers a batch concurrently (automined sends would
            // race for nonces), and answers a send before its automine has mined it.
            var hash = await rpc.CallAsync(JsonRpcRequest.Create("eth_sendTransaction", Transaction(number)), default);
            await TestContracts.WaitForReceiptAsync(eth, Hash32.Parse(hash.GetString()!));
        }

        return numbers;
    }

    /// <summary>Emits events all mined in one block.</summary>
    public async Task<IReadOnlyList<int>> InOneBlockAsync(int count)
    {
        var numbers = Next(count);
        var eth = new EthClient(rpc);
        var nonce = await eth.GetTransactionCountAsync(TestContracts.DevAccount, BlockTag.Pending, default);
        await rpc.CallAsync(JsonRpcRequest.Create("evm_setAutomine", false), default);
        try
        {
            // Explicit nonces: anvil answers a batch concurrently, so the node must not pick them.
            var sent = await rpc.BatchAsync([.. numbers.Select((n, i) => JsonRpcRequest.Create("eth_sendTransaction", Transaction(n, nonce + i)))], default);
            Assert.All(sent, s => Assert.True(s.IsSuccess, s.Error?.Message));
            await rpc.CallAsync(JsonRpcRequest.Create("evm_mine"), default);
        }
        finally
        {
            await rpc.CallAsync(JsonRpcRequest.Create("evm_setAutomine", true), default);
        }

        return numbers;
    }

    /// <summary>Mines empty blocks.</summary>
    public Task MineEmptyAsync(int blocks) => rpc.CallAsync(JsonRpcRequest.Create("anvil_mine", Hex.EncodeQuantity(blocks)), default);

    /// <summary>Numbers for events emitted by other means (e.g. in anvil_reorg's replacement blocks).</summary>
    public IReadOnlyList<int> Next(int count)
    {
        var numbers = Enumerable.Range(_next, count).ToList();
        _next += count;
        return numbers;
    }
}
