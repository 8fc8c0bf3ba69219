using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Accounts;

/// <summary>ledger_accounts.owner_kind text (0001_ledger.sql's CHECK list).</summary>
internal static class OwnerKinds
{
    public static string Name(OwnerKind kind) => kind switch
    {
        OwnerKind.Desk => "desk",
        OwnerKind.Venue => "venue",
        OwnerKind.Custodian => "custodian",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown owner kind"),
    };

    public static OwnerKind Parse(string name) => name switch
    {
        "desk" => OwnerKind.Desk,
        "venue" => OwnerKind.Venue,
        "custodian" => OwnerKind.Custodian,
        _ => throw new InvalidOperationException($"ledger_accounts holds an unknown owner kind '{name}'"),
    };
}
