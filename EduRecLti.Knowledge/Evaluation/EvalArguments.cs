using System.Globalization;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>The parsed command line of <c>eval</c>.</summary>
public sealed record EvalArguments(string DataDirectory, IReadOnlyList<string> Models, EvaluationOptions Options, bool Json, string? SplitId)
{
    public const string Usage =
        "usage: eval --data DIR [--model NAME[,NAME...]] [--folds K] [--seed S] [--json] [--max-students N] [--split ID]\n" +
        "  --data DIR         a shared/data directory (kind detected from its files)\n" +
        "  --model NAMES      catalog models, comma-separated or repeated (default: all)\n" +
        "  --folds K          sequences: seeded K-fold by student instead of the published split; matrices: K masks (default 5)\n" +
        "  --seed S           seeds folds, masks and model fitting (default 0)\n" +
        "  --json             JSON instead of the text table\n" +
        "  --max-students N   first N training and N test students per fold (quick runs)\n" +
        "  --split ID         only this split when a directory has several (assist2009-akt-pid: S2, S2d)";

    /// <summary>Parses <paramref name="args"/>; on failure returns null and a message for the user.</summary>
    public static EvalArguments? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> knownModels, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(knownModels);
        string? data = null, split = null;
        var models = new List<string>();
        int seed = 0;
        int? folds = null, maxStudents = null;
        var json = false;
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--data":
                    data = Value();
                    error = data is null ? "--data needs a directory" : null;
                    break;
                case "--model":
                case "--models":
                    models.AddRange((Value() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--folds":
                    error = ParseInt("--folds", Value(), 2, out var k);
                    folds = k;
                    break;
                case "--seed":
                    error = ParseInt("--seed", Value(), int.MinValue, out seed);
                    break;
                case "--max-students":
                    error = ParseInt("--max-students", Value(), 1, out var n);
                    maxStudents = n;
                    break;
                case "--split":
                    split = Value();
                    error = split is null ? "--split needs an id" : null;
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    break;
            }
        }

        error ??= data is null ? "--data DIR is required" : null;
        var unknown = models.Where(m => !knownModels.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
        error ??= unknown.Count > 0 ? $"unknown model(s) {string.Join(", ", unknown)}; known: {string.Join(", ", knownModels)}" : null;
        if (error is not null)
        {
            return null;
        }

        var chosen = models.Count > 0 ? models.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : knownModels.ToList();
        return new EvalArguments(data!, chosen, new EvaluationOptions(seed, folds, maxStudents), json, split);
    }

    private static string? ParseInt(string option, string? text, int minimum, out int value)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= minimum)
        {
            return null;
        }

        return $"{option} needs an integer{(minimum > int.MinValue ? $" >= {minimum}" : "")}, got '{text}'";
    }
}
