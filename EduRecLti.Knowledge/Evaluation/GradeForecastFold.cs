using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// The honest grade-level recipe of shared/data/assist2009-grades/README.md: fit on the training folds; for each
/// held-out student cut the sequence at T = floor(0.7 n); targets are the per-skill fractions correct over the
/// answers from T on (cells with at least 3 answers; an answer counts for each of its skills); the model sees only the
/// answers before T and forecasts each target skill (never the post-T items, their number or their scores).
/// Reports MAE, RMSE, AUC for "gap" (score &lt; 0.6, forecast ranked low first) and Spearman, overall and split into
/// skills seen / not seen before T.
/// </summary>
public sealed class GradeForecastFold(LoadedDataset dataset, StudentFold fold) : HeldOutStudentsFold(dataset, fold)
{
    public const double CutOffFraction = 0.7;
    public const int MinimumTargetAnswers = 3;
    public const double GapThreshold = 0.6;

    /// <summary>
    /// One target cell: the post-cut-off score of a skill, whether the skill was practised before the cut-off, and how
    /// many answers the score averages (for models that calibrate intervals on training cells; never a forecast input).
    /// </summary>
    public readonly record struct Target(int Skill, double Score, bool Seen, int Answers);

    /// <summary>The cut-off position and the target cells of one student's sequence.</summary>
    public static (int CutOff, List<Target> Targets) Targets(IReadOnlyList<Observation> sequence) =>
        Targets(sequence, CutOffFraction);

    /// <summary>
    /// The same cells for another cut-off fraction: models that learn the forecast may train on several cut-offs of
    /// their training students (the protocol itself always cuts at <see cref="CutOffFraction"/>).
    /// </summary>
    public static (int CutOff, List<Target> Targets) Targets(IReadOnlyList<Observation> sequence, double cutOffFraction)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var cutOff = (int)Math.Floor(cutOffFraction * sequence.Count);
        var seen = sequence.Take(cutOff).SelectMany(o => o.Skills).ToHashSet();
        var targets = sequence.Skip(cutOff)
            .SelectMany(o => o.Skills.Select(skill => (skill, o.Score)))
            .GroupBy(a => a.skill)
            .Where(g => g.Count() >= MinimumTargetAnswers)
            .OrderBy(g => g.Key)
            .Select(g => new Target(g.Key, g.Average(a => a.Score), seen.Contains(g.Key), g.Count()))
            .ToList();
        return (cutOff, targets);
    }

    public override FoldOutcome Score(IKnowledgeModel fitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var forecasts = new List<(double Forecast, Target Target)>();
        foreach (var sequence in Test.Students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (cutOff, targets) = Targets(sequence);
            var student = fitted.StartStudent(null);
            foreach (var observation in sequence.Take(cutOff))
            {
                student.Observe(observation);
            }

            foreach (var target in targets)
            {
                var forecast = student is ISkillScoreForecast forecaster
                    ? forecaster.ForecastSkillScore(target.Skill, cutOff)
                    : student.Mastery(target.Skill).Estimate;
                forecasts.Add((Checked(forecast, fitted), target));
            }
        }

        var metrics = new Dictionary<string, double>();
        AddMetrics(metrics, "", forecasts);
        AddMetrics(metrics, ".seen", forecasts.Where(f => f.Target.Seen).ToList());
        AddMetrics(metrics, ".new", forecasts.Where(f => !f.Target.Seen).ToList());
        return new FoldOutcome(metrics, forecasts.Select(f => f.Forecast).ToList(), forecasts.Select(f => f.Target.Score).ToList());
    }

    private static void AddMetrics(Dictionary<string, double> metrics, string suffix, List<(double Forecast, Target Target)> cells)
    {
        var predicted = cells.Select(c => c.Forecast).ToList();
        var actual = cells.Select(c => c.Target.Score).ToList();
        metrics["gapAuc" + suffix] = Metrics.Auc(predicted.Select(p => -p).ToList(), actual.Select(y => y < GapThreshold).ToList());
        metrics["mae" + suffix] = Metrics.MeanAbsoluteError(predicted, actual);
        metrics["rmse" + suffix] = Metrics.Rmse(predicted, actual);
        metrics["spearman" + suffix] = Metrics.Spearman(predicted, actual);
        metrics["cells" + suffix] = cells.Count;
    }
}
