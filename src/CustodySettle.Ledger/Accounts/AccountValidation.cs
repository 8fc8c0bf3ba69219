using System.Text.RegularExpressions;
using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Accounts;

/// <summary>The account store's guard clauses, in one place: the schema's CHECKs, as ArgumentExceptions naming the field.</summary>
internal static partial class AccountValidation
{
    [GeneratedRegex("^[A-Z0-9._-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AssetCodePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposePattern();

    public static void Ledger(int ledgerId, string assetCode, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledgerId, 1, nameof(ledgerId));
        if (assetCode is null || !AssetCodePattern().IsMatch(assetCode))
        {
            throw new ArgumentException("an asset code is 1 to 32 of A-Z 0-9 . _ -", nameof(assetCode));
        }

        if (decimals is < 0 or > 36)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "decimals are 0 to 36");
        }
    }

    public static void Key(AccountKey key, AccountLimits limits)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.LedgerId < 1)
        {
            throw Invalid("key.LedgerId", "a ledger id is positive");
        }

        if (!Enum.IsDefined(key.OwnerKind))
        {
            throw Invalid("key.OwnerKind", "unknown owner kind");
        }

        Text(key.OwnerId, "key.OwnerId");
        Text(key.CustodianId, "key.CustodianId");
        if (key.Purpose is null || !PurposePattern().IsMatch(key.Purpose))
        {
            throw Invalid("key.Purpose", "a purpose is lower snake case, 1 to 64 characters");
        }

        if (limits is not (AccountLimits.None or AccountLimits.DebitsMustNotExceedCredits or AccountLimits.CreditsMustNotExceedDebits))
        {
            throw new ArgumentException("an account has at most one limit", nameof(limits));
        }
    }

    private static void Text(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 128)
        {
            throw Invalid(field, $"{field} is 1 to 128 characters, not blank");
        }
    }

    /// <summary>An argument error naming the offending field of an argument (<c>key.Purpose</c>).</summary>
    public static ArgumentException Invalid(string field, string message, Exception? inner = null) => new(message, field, inner);
}
