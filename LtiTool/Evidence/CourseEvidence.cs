using LtiTool.Data;

namespace LtiTool.Evidence;

/// <summary>All the evidence a course holds, from every registered <see cref="IEvidenceProvider"/>, oldest first.</summary>
public sealed class CourseEvidence(IEnumerable<IEvidenceProvider> providers)
{
    public async Task<IReadOnlyList<EvidenceObservation>> ReadAsync(CourseKey course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        var all = new List<EvidenceObservation>();
        foreach (var provider in providers)
        {
            all.AddRange(await provider.ReadAsync(course, cancellationToken));
        }

        all.Sort((a, b) => a.ObservedAt.CompareTo(b.ObservedAt));
        return all;
    }
}
