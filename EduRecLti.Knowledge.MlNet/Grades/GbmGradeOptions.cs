using EduRecLti.Knowledge.MlNet.Boosting;

namespace EduRecLti.Knowledge.MlNet.Grades;

/// <summary>Settings of <see cref="GbmGradeModel"/>.</summary>
public sealed record GbmGradeOptions
{
    /// <summary>
    /// Cut-off fractions at which the training students' sequences are cut to make training cells (the protocol
    /// itself cuts at 0.7; more cut-offs give the trees more cells from the same students). The validation group is
    /// always cut at 0.7 only, like a test student.
    /// </summary>
    public IReadOnlyList<double> TrainingCutOffs { get; init; } = [0.5, 0.6, 0.7, 0.8];

    public int CrossFitGroups { get; init; } = 5;

    /// <summary>Map the forecast through a median (least-absolute-error) calibration fitted on the validation group.</summary>
    public bool CalibrateForAbsoluteError { get; init; } = true;

    /// <summary>
    /// Also train a classifier of "score ≥ threshold" on the same cells and add its logit to the score model's before
    /// the calibration (null = off): the binary fit weighs the cells near the gap boundary that the gap ranking turns
    /// on, as grade-stack-plus's threshold stacker does (docs/models-grades.md).
    /// </summary>
    public double? ThresholdClassifier { get; init; }

    public BoostingOptions Boosting { get; init; } = new() { LearningRate = 0.03, Leaves = 15, MinimumLeafCount = 50 };
}
