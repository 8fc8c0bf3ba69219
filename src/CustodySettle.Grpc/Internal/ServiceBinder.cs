using System.Linq.Expressions;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Binds a handler class to a protobuf service: the .proto is the source of truth. Every RPC needs a
/// public method of the same name and the shape its streaming kind requires; every public method of
/// the handler must be an RPC. Any mismatch stops start-up with a message that names both sides.
/// Invokers are compiled once here, so a call costs no reflection.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<ServerMethodBinding> Bind(
        ServiceDescriptor service, Type handlerType, Func<HandlerActivator> activatorFactory, out Dictionary<ServerMethodBinding, ServerCallHandler> handlers)
    {
        var errors = new List<string>();
        var declared = handlerType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .ToList();
        foreach (var method in declared.Where(m => service.FindMethodByName(m.Name) is null))
        {
            errors.Add($"{handlerType.Name}.{method.Name} matches no RPC of {service.FullName}");
        }

        var bindings = new List<ServerMethodBinding>();
        handlers = [];
        HandlerActivator? activator = null;
        foreach (var rpc in service.Methods)
        {
            var candidates = declared.Where(m => m.Name == rpc.Name).ToList();
            if (candidates.Count != 1)
            {
                errors.Add(candidates.Count == 0
                    ? $"RPC {service.FullName}/{rpc.Name} has no handler: {handlerType.Name} has no public method {rpc.Name}"
                    : $"{handlerType.Name} has {candidates.Count} overloads of {rpc.Name}; an RPC needs exactly one");
                continue;
            }

            var expected = ExpectedSignature(rpc);
            if (!Matches(candidates[0], expected))
            {
                errors.Add($"{handlerType.Name}.{rpc.Name} must be {Describe(rpc, expected)} for {Kind(rpc)} RPC {service.FullName}/{rpc.Name}");
                continue;
            }

            var binding = new ServerMethodBinding($"/{service.FullName}/{rpc.Name}", rpc);
            activator ??= activatorFactory();
            handlers[binding] = CreateHandler(rpc, handlerType, candidates[0], activator);
            bindings.Add(binding);
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"gRPC service {service.FullName} cannot bind to {handlerType.FullName}:\n  " + string.Join("\n  ", errors));
        }

        return bindings;
    }

    private static (Type Return, Type[] Parameters) ExpectedSignature(MethodDescriptor rpc)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IAsyncStreamWriter<>).MakeGenericType(response);
        var context = typeof(ServerCallContext);
        var responseTask = typeof(Task<>).MakeGenericType(response);
        return (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => (responseTask, [request, context]),
            (false, true) => (typeof(Task), [request, writer, context]),
            (true, false) => (responseTask, [reader, context]),
            (true, true) => (typeof(Task), [reader, writer, context]),
        };
    }

    private static bool Matches(MethodInfo method, (Type Return, Type[] Parameters) expected) =>
        method.ReturnType == expected.Return
        && !method.IsGenericMethodDefinition
        && method.GetParameters().Select(p => p.ParameterType).SequenceEqual(expected.Parameters);

    private static string Kind(MethodDescriptor rpc) => (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
    {
        (false, false) => "the unary",
        (false, true) => "the server-streaming",
        (true, false) => "the client-streaming",
        (true, true) => "the bidirectional-streaming",
    };

    private static string Describe(MethodDescriptor rpc, (Type Return, Type[] Parameters) expected) =>
        $"{Name(expected.Return)} {rpc.Name}({string.Join(", ", expected.Parameters.Select(Name))})";

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;

    private static ServerCallHandler CreateHandler(MethodDescriptor rpc, Type handlerType, MethodInfo method, HandlerActivator activator)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var parser = rpc.InputType.Parser;
        var handlerKind = (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => typeof(UnaryServerCallHandler<,>),
            (false, true) => typeof(ServerStreamingServerCallHandler<,>),
            (true, false) => typeof(ClientStreamingServerCallHandler<,>),
            (true, true) => typeof(DuplexStreamingServerCallHandler<,>),
        };
        var invoker = CompileInvoker(handlerType, method);
        return (ServerCallHandler)Activator.CreateInstance(handlerKind.MakeGenericType(request, response), activator, parser, invoker)!;
    }

    /// <summary>Compiles <c>(object handler, p1, ..., pn) => ((THandler)handler).Method(p1, ..., pn)</c>.</summary>
    private static Delegate CompileInvoker(Type handlerType, MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "handler");
        var parameters = method.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var call = Expression.Call(Expression.Convert(target, handlerType), method, parameters);
        return Expression.Lambda(call, [target, .. parameters]).Compile();
    }
}
