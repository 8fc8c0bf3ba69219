using CustodySettle.Grpc;

namespace CustodySettle.Cli;

/// <summary>
/// What a script can rely on (docs/cli.md, "Exit codes"): 0 done; 2 the command line was wrong; 3 the
/// service could not be reached; 4 the key was missing or not accepted; 5 the key may not do this;
/// 6 no such thing; 7 the request was refused as invalid or out of turn; 8 the audit chain is broken;
/// 1 anything else the service answered with.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int Unauthenticated = 4;
    public const int Forbidden = 5;
    public const int NotFound = 6;
    public const int Refused = 7;
    public const int ChainBroken = 8;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unreachable,
        StatusCode.Unauthenticated => Unauthenticated,
        StatusCode.PermissionDenied => Forbidden,
        StatusCode.NotFound => NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange => Refused,
        _ => Failed,
    };
}
