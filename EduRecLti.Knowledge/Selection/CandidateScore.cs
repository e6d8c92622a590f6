namespace EduRecLti.Knowledge.Selection;

/// <summary>Cross-validated score of one candidate model on a course (online next-answer prediction on held-out students).</summary>
/// <param name="Model">Catalog name.</param>
/// <param name="LogLoss">Mean log-loss over held-out predictions (the selection criterion; lower is better).</param>
/// <param name="Auc">Pooled AUC of the same predictions (ties averaged); NaN when one class is missing.</param>
/// <param name="Predictions">Number of held-out predictions scored.</param>
/// <param name="Failure">Why the candidate could not be scored, or null.</param>
public sealed record CandidateScore(string Model, double LogLoss, double Auc, int Predictions, string? Failure = null);
