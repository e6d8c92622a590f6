using System.Text.Json;
using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Population baseline ("baseline" in the catalog): P(correct) = the item's training success rate, shrunk toward the
/// mean rate of its skills, which is shrunk toward the global rate (additive smoothing with <see cref="PriorStrength"/>
/// pseudo-answers). It never adapts to the student, so it is the floor every knowledge model must beat; it also lets
/// the harness be tested without any real model.
/// </summary>
public sealed class BaselineModel : IKnowledgeModel
{
    /// <summary>Pseudo-answers of the parent rate added to each item/skill count.</summary>
    public const double PriorStrength = 5;

    private const int FormatVersion = 1;

    private Counts _counts = new([], [], [], [], 0, 0);

    public string Name => "baseline";

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        var itemAnswers = new double[training.ItemCount];
        var itemCorrect = new double[training.ItemCount];
        var skillAnswers = new double[training.SkillCount];
        var skillCorrect = new double[training.SkillCount];
        double answers = 0, correct = 0;
        foreach (var observation in training.Students.SelectMany(s => s))
        {
            itemAnswers[observation.Item]++;
            itemCorrect[observation.Item] += observation.Score;
            foreach (var skill in observation.Skills)
            {
                skillAnswers[skill]++;
                skillCorrect[skill] += observation.Score;
            }

            answers++;
            correct += observation.Score;
        }

        _counts = new Counts(itemAnswers, itemCorrect, skillAnswers, skillCorrect, answers, correct);
    }

    public IStudentKnowledge StartStudent(int? student = null) => new Student(this);

    public ModelSnapshot Snapshot() => new(Name, FormatVersion, JsonSerializer.Serialize(_counts));

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != FormatVersion)
        {
            throw new ArgumentException($"Snapshot of {snapshot.Model} v{snapshot.FormatVersion} is not a {Name} v{FormatVersion} snapshot.", nameof(snapshot));
        }

        _counts = JsonSerializer.Deserialize<Counts>(snapshot.Parameters) ?? throw new ArgumentException("Empty snapshot.", nameof(snapshot));
    }

    private double GlobalRate => (_counts.Correct + 0.5) / (_counts.Answers + 1);

    private double SkillRate(int skill) => skill < _counts.SkillAnswers.Length
        ? Smoothed(_counts.SkillCorrect[skill], _counts.SkillAnswers[skill], GlobalRate)
        : GlobalRate;

    private double ItemRate(int item, int[] skills)
    {
        var prior = skills.Length == 0 ? GlobalRate : skills.Average(SkillRate);
        return item >= 0 && item < _counts.ItemAnswers.Length
            ? Smoothed(_counts.ItemCorrect[item], _counts.ItemAnswers[item], prior)
            : prior;
    }

    private static double Smoothed(double correct, double answers, double prior) =>
        (correct + (PriorStrength * prior)) / (answers + PriorStrength);

    /// <summary>Training counts (the whole fitted state).</summary>
    public sealed record Counts(double[] ItemAnswers, double[] ItemCorrect, double[] SkillAnswers, double[] SkillCorrect, double Answers, double Correct);

    private sealed class Student(BaselineModel model) : IStudentKnowledge
    {
        public double PredictCorrect(int item, int[] skills, long timestamp) => model.ItemRate(item, skills);

        public void Observe(in Observation observation)
        {
            // A population baseline: the student's own answers deliberately change nothing.
        }

        /// <summary>The skill's population rate with a normal-approximation 95% interval on the smoothed count.</summary>
        public SkillMastery Mastery(int skill)
        {
            var rate = model.SkillRate(skill);
            var answers = skill < model._counts.SkillAnswers.Length ? model._counts.SkillAnswers[skill] : 0;
            var halfWidth = 1.96 * Math.Sqrt(rate * (1 - rate) / (answers + PriorStrength));
            return new SkillMastery(rate, Math.Max(0, rate - halfWidth), Math.Min(1, rate + halfWidth), (int)answers);
        }
    }
}
