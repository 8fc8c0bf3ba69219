using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using RequestCase = Grpc.Reflection.V1.ServerReflectionRequest.MessageRequestOneofCase;

namespace CustodySettle.Grpc.Reflection;

/// <summary>
/// Answers one reflection request (grpc/grpc doc/server-reflection.md, reflection.proto). Written
/// against the v1 messages; v1alpha requests are converted to them (see
/// <see cref="ReflectionV1AlphaService"/>). A request that cannot be answered gets an error_response,
/// not a failed call, so the stream stays open for the client's next request.
/// </summary>
internal sealed class ReflectionResponder(ReflectionResolver resolver)
{
    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case RequestCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(resolver.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case RequestCase.FileByFilename:
                SetFile(response, resolver.FindFileByName(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case RequestCase.FileContainingSymbol:
                SetFile(response, resolver.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case RequestCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(
                    response,
                    resolver.FindFileContainingExtension(extension.ContainingType, extension.ExtensionNumber),
                    $"Extension not found: {extension.ContainingType} {extension.ExtensionNumber}");
                break;
            case RequestCase.AllExtensionNumbersOfType:
                SetExtensionNumbers(response, request.AllExtensionNumbersOfType);
                break;
            default:
                // No message_request at all: nothing to look up, the request itself is wrong.
                SetError(response, StatusCode.InvalidArgument, "The request sets none of message_request.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(ReflectionResolver.WithDependencies(file));
        response.FileDescriptorResponse = files;
    }

    private void SetExtensionNumbers(ServerReflectionResponse response, string messageType)
    {
        if (resolver.FindExtensionNumbers(messageType) is not { } numbers)
        {
            SetError(response, StatusCode.NotFound, $"Type not found: {messageType}");
            return;
        }

        var result = new ExtensionNumberResponse { BaseTypeName = ReflectionResolver.TrimLeadingDot(messageType) };
        result.ExtensionNumber.AddRange(numbers);
        response.AllExtensionNumbersResponse = result;
    }

    /// <summary>error_code carries a gRPC status code (reflection.proto ErrorResponse).</summary>
    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
