using System.Diagnostics;
using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Seeding;

/// <summary>
/// Deploys BenchSeeder, grants it what it needs as the deployment's owner would (USDC minted to it, the
/// executor role, the custody token factory's minter while it seeds), and seeds subaccounts in transactions of
/// <c>perTransaction</c> each; the accounts come from the Seeded events of the receipts.
/// </summary>
internal sealed class SubaccountSeeder(ChainContracts contracts, BenchTransactor owner, ContractArtifact seeder)
{
    /// <summary>Gas limit per seeded account (measured ~1.8M: an account, a deposit, a trade, a token created, two mints, a collateral deposit).</summary>
    private const long GasPerAccount = 2_200_000;

    private const long SetupGas = 5_000_000;

    public async Task<SeedResult> SeedAsync(int accounts, int perTransaction, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var c = contracts;
        var address = await owner.DeployAsync(
            seeder,
            [c.Usdc.Address, c.SubAccounts.Address, c.Cash.Address, c.Collateral.Address, c.PerpBtc.Address, c.Manager.Address, c.Executor.Address, c.Factory.Address],
            SetupGas,
            ct);
        var usdc = (await owner.ViewAsync(address, seeder.Abi, "usdcNeeded", [accounts], BlockTag.Latest, ct)).Get<BigInteger>(0);
        await owner.ConfirmAsync(await c.Usdc.MintAsync(owner.Signer, address, usdc, ct), c.Usdc.Abi, ct);
        await owner.CallAsync(c.Executor.Address, c.Executor.Abi, "setExecutor", [address, true], SetupGas, ct);
        var minter = (await owner.ViewAsync(c.Factory.Address, c.Factory.Abi, "minter", [], BlockTag.Latest, ct)).Get<Address>(0);
        await owner.CallAsync(c.Factory.Address, c.Factory.Abi, "setMinter", [address], SetupGas, ct);
        await owner.CallAsync(address, seeder.Abi, "init", [], SetupGas, ct);

        var seededEvent = seeder.Abi.GetEvent("Seeded");
        var seeded = new List<SeededAccount>(accounts);
        long gas = 0;
        var transactions = 0;
        while (seeded.Count < accounts)
        {
            var count = Math.Min(perTransaction, accounts - seeded.Count);
            var receipt = await owner.CallAsync(address, seeder.Abi, "seed", [count], (count * GasPerAccount) + SetupGas, ct);
            gas += receipt.GasUsed;
            transactions++;
            seeded.AddRange(receipt.Logs
                .Where(log => log.Address == address && log.Topics.Count > 0 && log.Topics[0] == seededEvent.Topic0)
                .Select(log => Decode(seededEvent, log)));
        }

        // The factory's minter goes back to the deployment's (the service's key), for tokens created from now on.
        await owner.CallAsync(c.Factory.Address, c.Factory.Abi, "setMinter", [minter], SetupGas, ct);
        return new SeedResult(address, seeded, transactions, gas, Stopwatch.GetElapsedTime(started));
    }

    private static SeededAccount Decode(AbiEvent seeded, LogEntry log)
    {
        var v = seeded.DecodeLog(log.Topics, log.Data.Span);
        return new SeededAccount((int)v.Get<BigInteger>("index"), v.Get<BigInteger>("accountId"), v.Get<Address>("holder"), v.Get<Address>("token"));
    }
}
