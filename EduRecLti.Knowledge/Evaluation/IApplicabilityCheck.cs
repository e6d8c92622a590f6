using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Optional capability of an <see cref="IKnowledgeModel"/>: says before fitting that a data set is outside what it
/// models (e.g. DINA with 110 skills has 2^110 latent classes), so the harness reports "skipped" instead of running.
/// Throwing <see cref="NotSupportedException"/> from <c>Fit</c> has the same effect.
/// </summary>
public interface IApplicabilityCheck
{
    /// <summary>Null when the model can fit <paramref name="training"/>; otherwise a short reason.</summary>
    string? RejectionReason(ResponseDataset training);
}
