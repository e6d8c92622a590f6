using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Tests.Models.Ensemble;

/// <summary>A member that predicts one fixed probability for everything and counts what it was shown.</summary>
internal sealed class ConstantModel(double probability) : IKnowledgeModel
{
    public string Name => "constant";

    public int Fits { get; private set; }

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default) => Fits++;

    public IStudentKnowledge StartStudent(int? student = null) => new Student(probability);

    public ModelSnapshot Snapshot() => new(Name, 1, probability.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Restore(ModelSnapshot snapshot)
    {
    }

    private sealed class Student(double probability) : IStudentKnowledge, ISkillScoreForecast
    {
        public double PredictCorrect(int item, int[] skills, long timestamp) => probability;

        public void Observe(in Observation observation)
        {
        }

        public SkillMastery Mastery(int skill) => new(probability, probability / 2, (1 + probability) / 2, 0);

        public double ForecastSkillScore(int skill, long timestamp) => probability;
    }
}
