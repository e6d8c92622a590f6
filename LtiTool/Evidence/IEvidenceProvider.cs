using LtiTool.Data;

namespace LtiTool.Evidence;

/// <summary>One source of a course's mastery evidence; every registered provider feeds <see cref="CourseEvidence"/>.</summary>
public interface IEvidenceProvider
{
    EvidenceSource Source { get; }

    Task<IReadOnlyList<EvidenceObservation>> ReadAsync(CourseKey course, CancellationToken cancellationToken);
}
