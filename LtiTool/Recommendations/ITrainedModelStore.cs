using EduRecLti.Knowledge.Selection;

namespace LtiTool.Recommendations;

/// <summary>Trained knowledge models per course, every training a new version; the latest serves, older ones allow rollback.</summary>
public interface ITrainedModelStore
{
    /// <summary>Stores a training as the course's next version and returns it with that version; keeps the newest <paramref name="keep"/> versions.</summary>
    Task<TrainedModel> SaveAsync(CourseScope course, TrainedModel model, int keep = 5, CancellationToken cancellationToken = default);

    Task<TrainedModel?> GetLatestAsync(CourseScope course, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<int>> ListVersionsAsync(CourseScope course, CancellationToken cancellationToken = default);
}
