using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Errors;

/// <summary>
/// Maps decoded reverts to the typed errors, by error signature (never by message text). A revert
/// bubbles up unchanged through nested calls (CashAsset.withdraw → SubAccounts → StandardManager's
/// SRM_PortfolioBelowMargin), so the called contract's ABI may not list it: <see cref="Decode"/> tries
/// the typed errors too.
/// </summary>
internal static class ContractErrors
{
    private static readonly AbiError SupplyMismatchError = AbiError.Parse("SupplyMismatch(uint256 expected, uint256 actual)");
    private static readonly AbiError DestinationNotAllowedError = AbiError.Parse("DestinationNotAllowed(address to)");
    private static readonly AbiError PortfolioBelowMarginError =
        AbiError.Parse("SRM_PortfolioBelowMargin(uint256 accountId, int256 marginAfter, int256 marginBefore)");

    private static readonly AbiError[] Typed = [SupplyMismatchError, DestinationNotAllowedError, PortfolioBelowMarginError];

    /// <summary>Decodes revert data against <paramref name="abi"/>'s errors and the typed ones.</summary>
    public static AbiRevert Decode(ContractAbi abi, ReadOnlySpan<byte> revertData)
    {
        ArgumentNullException.ThrowIfNull(abi);
        return AbiRevert.Decode(revertData, abi.Errors.Concat(Typed));
    }

    /// <summary>The typed error of a decoded revert, or null when it has none.</summary>
    public static ContractError? From(AbiRevert revert)
    {
        if (revert.Error is not { } error || revert.Arguments is not { } args)
        {
            return null;
        }

        return error.Signature switch
        {
            "SupplyMismatch(uint256,uint256)" => new SupplyMismatch(args.Get<BigInteger>(0), args.Get<BigInteger>(1)),
            "DestinationNotAllowed(address)" => new DestinationNotAllowed(args.Get<Address>(0)),
            "SRM_PortfolioBelowMargin(uint256,int256,int256)" => new PortfolioBelowMargin(args.Get<BigInteger>(0), args.Get<BigInteger>(1), args.Get<BigInteger>(2)),
            _ => null,
        };
    }
}
