namespace LtiTool.Cli;

/// <summary>
/// A parsed command line: verbs first (<c>platforms add</c>), then <c>--name value</c> options and <c>--flag</c>s.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(IReadOnlyList<string> verbs, Dictionary<string, string?> options)
    {
        Verbs = verbs;
        _options = options;
    }

    public IReadOnlyList<string> Verbs { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verbs = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = verbs.Count; i < args.Count; i++)
        {
            var name = args[i].TrimStart('-');
            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            options[name] = value;
        }

        return new CommandLine(verbs, options);
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>The option's value; throws a usage error naming the option when it is missing.</summary>
    public string Required(string name) =>
        Option(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required.");
}

/// <summary>A command line the tool cannot act on; printed with the usage text, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
