using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustodySettle.Access;

/// <summary>
/// A bearer token: <c>csk_</c>, the key id as 32 hex digits, <c>_</c>, then 32 random bytes in
/// base64url. The key id lets the service find the key without a scan; only SHA-256 of the whole token
/// is stored, so the database never holds a usable secret.
/// </summary>
public static class ApiKeyToken
{
    private const string Prefix = "csk_";
    private const int SecretBytes = 32;
    private static readonly int Length = Prefix.Length + 32 + 1 + Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>A new token for a new key id.</summary>
    public static (Guid KeyId, string Token) Generate()
    {
        var keyId = Guid.NewGuid();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, $"{Prefix}{keyId:N}_{secret}");
    }

    /// <summary>The key id of a well-formed token; false for anything else (nothing is looked up for it).</summary>
    public static bool TryParse(string token, out Guid keyId)
    {
        keyId = Guid.Empty;
        return token.Length == Length
            && token.StartsWith(Prefix, StringComparison.Ordinal)
            && token[Prefix.Length + 32] == '_'
            && Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out keyId)
            && token.AsSpan(Prefix.Length + 33).IndexOfAnyExcept(Base64UrlAlphabet) < 0;
    }

    /// <summary>SHA-256 of the token's UTF-8 bytes, as stored.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="token"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    /// <summary>How a key id is printed in logs and responses (no secret in it).</summary>
    public static string Format(Guid keyId) => keyId.ToString("N", CultureInfo.InvariantCulture);

    private static ReadOnlySpan<char> Base64UrlAlphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}
