using System.Text.RegularExpressions;

namespace CustodySettle.Registry;

/// <summary>The forms ids take (the CHECK constraints of 0001 and 0004 say the same).</summary>
public static partial class RegistryIds
{
    /// <summary>A desk or custodian id: lower-case letters, digits, '-' and '_', 1 to 64, starting with a letter or digit.</summary>
    public static bool IsPartyId(string id) => PartyId().IsMatch(id);

    /// <summary>An asset code: 1 to 32 of A-Z 0-9 . _ -.</summary>
    public static bool IsAssetCode(string code) => AssetCode().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartyId();

    [GeneratedRegex("^[A-Z0-9._-]{1,32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AssetCode();
}
