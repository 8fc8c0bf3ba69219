using System.Security.Cryptography;
using System.Text;

namespace CustodySettle.Database;

/// <summary>One numbered SQL migration: <c>Migrations/NNNN_name.sql</c>.</summary>
/// <param name="Version">The number in the file name; migrations apply in ascending order.</param>
/// <param name="Name">The rest of the file name, for people reading <c>schema_migrations</c>.</param>
/// <param name="Sql">The script, applied in one transaction.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script, so an edit to an applied migration is detected, not ignored.</summary>
    /// <remarks>Derived on every read: a stored value would be copied unchanged by <c>with { Sql = ... }</c>.</remarks>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
