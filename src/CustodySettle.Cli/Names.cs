using System.Text;
using CustodySettle.Grpc;

namespace CustodySettle.Cli;

/// <summary>The names people read: gRPC codes as the spec spells them, enum values without their type's prefix.</summary>
internal static class Names
{
    /// <summary>PERMISSION_DENIED for <see cref="StatusCode.PermissionDenied"/> (grpc/grpc doc/statuscodes.md).</summary>
    public static string Status(StatusCode code) => Screaming(code.ToString());

    /// <summary>ISSUED for MARGIN_CALL_STATE_ISSUED of enum MarginCallState (protobuf's enum value naming).</summary>
    public static string EnumValue(string typeName, string valueName)
    {
        var prefix = Screaming(typeName) + "_";
        return valueName.StartsWith(prefix, StringComparison.Ordinal) ? valueName[prefix.Length..] : valueName;
    }

    private static string Screaming(string pascal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
