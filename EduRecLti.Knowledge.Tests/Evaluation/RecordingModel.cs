using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Tests.Evaluation;

/// <summary>A fake model that logs every call, to check what the protocols reveal to a model and when.</summary>
internal sealed class RecordingModel(Func<int, double> predict) : IKnowledgeModel
{
    public List<string> Calls { get; } = [];

    public Func<int, double> Predict { get; } = predict;

    public ResponseDataset? Trained { get; private set; }

    public string Name => "recording";

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default) => Trained = training;

    public IStudentKnowledge StartStudent(int? student = null)
    {
        Calls.Add($"start {student?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new"}");
        return new Student(this);
    }

    public ModelSnapshot Snapshot() => new(Name, 1, "{}");

    public void Restore(ModelSnapshot snapshot)
    {
    }

    private sealed class Student(RecordingModel model) : IStudentKnowledge
    {
        public double PredictCorrect(int item, int[] skills, long timestamp)
        {
            model.Calls.Add($"predict {item}@{timestamp}");
            return model.Predict(item);
        }

        public void Observe(in Observation observation) => model.Calls.Add($"observe {observation.Item}@{observation.Timestamp}");

        public SkillMastery Mastery(int skill)
        {
            model.Calls.Add($"mastery {skill}");
            return new SkillMastery(skill / 10.0, 0, 1, 0);
        }
    }
}
