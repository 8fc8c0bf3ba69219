using System.Collections.Frozen;
using CustodySettle.Domain.Access;
using Google.Protobuf.Reflection;

namespace CustodySettle.Access;

/// <summary>
/// Which roles may call which RPC. Fails closed: an RPC of a protected package that no rule names is
/// refused to everyone, so a new RPC is unreachable until someone decides who may call it. The
/// standard services (health, reflection) stay open: load balancers and grpcurl use them unauthenticated.
/// Scope (which desk, which custodian) is the handlers' check, through <see cref="Principal"/>.
/// </summary>
public sealed class AccessPolicy
{
    private readonly FrozenDictionary<string, Role[]> _rules;
    private readonly string[] _protectedPrefixes;

    private AccessPolicy(Dictionary<string, Role[]> rules, string[] protectedPrefixes)
    {
        _rules = rules.ToFrozenDictionary(StringComparer.Ordinal);
        _protectedPrefixes = protectedPrefixes;
    }

    /// <summary>Every RPC path the policy names, for the tests that walk the matrix.</summary>
    public IEnumerable<string> Methods => _rules.Keys;

    /// <summary>Whether the call needs no key (it is outside every protected package).</summary>
    public bool IsOpen(string method) => !_protectedPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The roles that may call <paramref name="method"/> (<c>/package.Service/Method</c>); none for an unnamed one.</summary>
    public IReadOnlyList<Role> RolesFor(string method) => _rules.TryGetValue(method, out var roles) ? roles : [];

    public bool Allows(string method, Role role) => _rules.TryGetValue(method, out var roles) && roles.Contains(role);

    /// <summary>Builds a policy over the packages given to <see cref="Builder.Protect"/>.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, Role[]> _rules = new(StringComparer.Ordinal);
        private readonly List<string> _prefixes = [];

        /// <summary>Every RPC of <paramref name="package"/> (e.g. <c>custodysettle.v1</c>) needs a key and a rule.</summary>
        public Builder Protect(string package)
        {
            _prefixes.Add($"/{package}.");
            return this;
        }

        /// <summary>Lets <paramref name="roles"/> call <paramref name="method"/>.</summary>
        public Builder Allow(MethodDescriptor method, params Role[] roles)
        {
            ArgumentNullException.ThrowIfNull(method);
            var path = $"/{method.Service.FullName}/{method.Name}";
            if (!_rules.TryAdd(path, roles))
            {
                throw new InvalidOperationException($"{path} has a rule already");
            }

            return this;
        }

        /// <summary>Lets <paramref name="roles"/> call every RPC of <paramref name="service"/> that has no rule yet.</summary>
        public Builder AllowRest(ServiceDescriptor service, params Role[] roles)
        {
            ArgumentNullException.ThrowIfNull(service);
            foreach (var method in service.Methods)
            {
                _rules.TryAdd($"/{service.FullName}/{method.Name}", roles);
            }

            return this;
        }

        public AccessPolicy Build() => new(new Dictionary<string, Role[]>(_rules, StringComparer.Ordinal), [.. _prefixes]);
    }
}
