using LtiTool.Data;

namespace LtiTool.Dashboard;

/// <summary>Where the class dashboard and the deep-linking picker read the class's mastery from.</summary>
public interface IClassMasterySource
{
    Task<ClassMastery> ReadAsync(CourseKey course, CancellationToken cancellationToken);
}
