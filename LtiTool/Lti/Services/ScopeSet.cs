namespace LtiTool.Lti.Services;

/// <summary>
/// A set of OAuth 2 scopes in canonical form: distinct, sorted ordinally, space-separated (RFC 6749 §3.3). Tokens are
/// cached by it, so the same scopes asked in any order share one token.
/// </summary>
public sealed class ScopeSet : IEquatable<ScopeSet>
{
    private readonly string[] _scopes;

    private ScopeSet(string[] scopes)
    {
        _scopes = scopes;
        Value = string.Join(' ', scopes);
    }

    /// <summary>The scope parameter as sent to the token endpoint.</summary>
    public string Value { get; }

    public IReadOnlyList<string> Scopes => _scopes;

    public static ScopeSet Of(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return new ScopeSet(scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray());
    }

    public bool Contains(string scope) => Array.BinarySearch(_scopes, scope, StringComparer.Ordinal) >= 0;

    public bool ContainsAny(IEnumerable<string> scopes) => scopes.Any(Contains);

    public bool Equals(ScopeSet? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ScopeSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
