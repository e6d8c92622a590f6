namespace EduRecLti.Knowledge.Selection;

/// <summary>How <see cref="CourseModelSelector"/> chooses a model for one course.</summary>
public sealed record SelectionOptions
{
    /// <summary>Folds of the cross-validation by student.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Below this many students the course keeps <see cref="DefaultModel"/>: with 5 folds, 40 students leave 8 per
    /// test fold, and log-loss differences between candidates are then mostly noise.
    /// </summary>
    public int MinimumStudents { get; init; } = 40;

    /// <summary>Below this many observations the course keeps <see cref="DefaultModel"/> (about 10 per student at the student minimum).</summary>
    public int MinimumObservations { get; init; } = 400;

    /// <summary>
    /// The small-data model: compensatory MIRT with population priors (empirical Bayes) shrinks every student toward
    /// the population and needs no tuning, so it degrades gracefully with few students.
    /// </summary>
    public string DefaultModel { get; init; } = "grade-mirt";
}
