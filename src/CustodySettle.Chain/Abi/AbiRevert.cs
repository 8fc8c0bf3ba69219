using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Decoded revert data. Decoding never throws: the data comes from a failed call, and a malformed or
/// unknown payload is reported in <see cref="Message"/> instead of hiding the original failure.
/// </summary>
public sealed class AbiRevert
{
    private readonly byte[] _data;

    private AbiRevert(byte[] data, AbiError? error, AbiValues? arguments, string message)
    {
        _data = data;
        Error = error;
        Arguments = arguments;
        Message = message;
    }

    /// <summary>The raw revert data.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The error matched by selector; null for empty, unknown or malformed data.</summary>
    public AbiError? Error { get; }

    /// <summary>The error's decoded arguments; null when <see cref="Error"/> is.</summary>
    public AbiValues? Arguments { get; }

    /// <summary>
    /// Readable text: the reason of Error(string), "panic 0x11: arithmetic overflow or underflow",
    /// "SupplyMismatch(expected: 1, actual: 2)", or a description of data that did not decode.
    /// </summary>
    public string Message { get; }

    /// <summary>Whether this is the custom error named <paramref name="name"/>.</summary>
    public bool Is(string name) => Error is not null && string.Equals(Error.Name, name, StringComparison.Ordinal);

    /// <summary>Matches the data against Error(string), Panic(uint256) and <paramref name="customErrors"/>.</summary>
    public static AbiRevert Decode(ReadOnlySpan<byte> data, IEnumerable<AbiError>? customErrors = null)
    {
        var bytes = data.ToArray();
        if (bytes.Length == 0)
        {
            return new AbiRevert(bytes, null, null, "reverted without data");
        }

        var candidates = new[] { AbiError.ErrorString, AbiError.Panic }.Concat(customErrors ?? []);
        var error = candidates.FirstOrDefault(e => e.Matches(bytes));
        if (error is null)
        {
            var selector = Hex.Encode(bytes.AsSpan(0, Math.Min(bytes.Length, 4)));
            return new AbiRevert(bytes, null, null, $"unknown error {selector} ({bytes.Length} bytes)");
        }

        try
        {
            var arguments = error.Decode(bytes);
            return new AbiRevert(bytes, error, arguments, Describe(error, arguments));
        }
        catch (AbiDecodingException e)
        {
            return new AbiRevert(bytes, null, null, $"malformed {error.Signature}: {e.Message}");
        }
    }

    public override string ToString() => Message;

    private static string Describe(AbiError error, AbiValues arguments)
    {
        if (ReferenceEquals(error, AbiError.ErrorString))
        {
            return arguments.Get<string>(0);
        }

        if (ReferenceEquals(error, AbiError.Panic))
        {
            var code = arguments.Get<BigInteger>(0);
            var hex = code.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0');
            return $"panic 0x{hex}: {AbiPanicCodes.Describe(code)}";
        }

        return AbiValueFormatter.FormatCall(error.Name, arguments);
    }
}
