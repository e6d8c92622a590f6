namespace EduRecLti.Knowledge.Core;

/// <summary>
/// The one contract the product uses for every mastery model: fit from observations, then follow one student
/// online (predict the next answer, take the answer in, report mastery per skill with uncertainty).
/// </summary>
/// <remarks>
/// The evaluation harness uses exactly this contract: for each test student it asks for a prediction before
/// revealing each answer and then calls <see cref="IStudentKnowledge.Observe"/>, so offline numbers measure
/// what the live panel does.
/// </remarks>
public interface IKnowledgeModel
{
    /// <summary>Short stable name used on the command line and in stored snapshots (e.g. "bkt", "best-lr").</summary>
    string Name { get; }

    /// <summary>Fits all parameters from the training students. Deterministic for a given <paramref name="random"/> seed.</summary>
    void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts following one student (a training student by index, or a new one with <c>null</c>: fold-in without refitting).
    /// </summary>
    IStudentKnowledge StartStudent(int? student = null);

    /// <summary>The fitted parameters as a versioned snapshot that <see cref="Restore"/> reads back.</summary>
    ModelSnapshot Snapshot();

    /// <summary>Loads parameters from a snapshot written by <see cref="Snapshot"/> of the same model kind.</summary>
    void Restore(ModelSnapshot snapshot);
}

/// <summary>The live state of one student under a fitted model.</summary>
public interface IStudentKnowledge
{
    /// <summary>Probability in [0,1] that the student answers <paramref name="item"/> (exercising <paramref name="skills"/>) correctly at <paramref name="timestamp"/>.</summary>
    double PredictCorrect(int item, int[] skills, long timestamp);

    /// <summary>Takes one new answer into the student's state (the online update).</summary>
    void Observe(in Observation observation);

    /// <summary>Current mastery of one skill with its uncertainty.</summary>
    SkillMastery Mastery(int skill);
}

/// <summary>
/// Probability that a skill is mastered (or expected success on it), with a credible interval.
/// </summary>
/// <param name="Estimate">Point estimate in [0,1].</param>
/// <param name="Lower">Lower end of the interval in [0,1].</param>
/// <param name="Upper">Upper end of the interval in [0,1].</param>
/// <param name="Evidence">How many observations on the skill informed the estimate.</param>
public readonly record struct SkillMastery(double Estimate, double Lower, double Upper, int Evidence);

/// <summary>Fitted parameters of one model, versioned so that stored snapshots survive code changes.</summary>
/// <param name="Model">The <see cref="IKnowledgeModel.Name"/> that wrote it.</param>
/// <param name="FormatVersion">Bumped whenever the parameter layout changes.</param>
/// <param name="Parameters">The parameters as JSON text.</param>
public sealed record ModelSnapshot(string Model, int FormatVersion, string Parameters);
