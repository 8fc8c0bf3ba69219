namespace CustodySettle.Domain.Access;

/// <summary>The lower-case names roles are stored and logged under.</summary>
public static class RoleNames
{
    public static string Name(Role role) => role switch
    {
        Role.Desk => "desk",
        Role.Custodian => "custodian",
        Role.Auditor => "auditor",
        Role.Operator => "operator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static Role Parse(string name) => name switch
    {
        "desk" => Role.Desk,
        "custodian" => Role.Custodian,
        "auditor" => Role.Auditor,
        "operator" => Role.Operator,
        _ => throw new FormatException($"unknown role '{name}'"),
    };

    /// <summary>Whether a key of this role speaks for one desk or custodian.</summary>
    public static bool IsScoped(Role role) => role is Role.Desk or Role.Custodian;
}
