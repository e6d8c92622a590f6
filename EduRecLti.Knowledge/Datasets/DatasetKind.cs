namespace EduRecLti.Knowledge.Datasets;

/// <summary>The shape of a data set, which decides the evaluation protocol applied to it.</summary>
public enum DatasetKind
{
    /// <summary>Time-ordered answer sequences; held-out students are followed answer by answer.</summary>
    Sequences,

    /// <summary>A complete student × item matrix with a Q-matrix; random cells are masked and predicted.</summary>
    ResponseMatrix,

    /// <summary>Per-skill scores forecast from each held-out student's earlier answers (the grade-level recipe).</summary>
    GradeForecast,
}
