namespace LtiTool.Evidence;

public static class EvidenceExtensions
{
    /// <summary>The course's evidence reader; each source registers its own <see cref="IEvidenceProvider"/>.</summary>
    public static IServiceCollection AddCourseEvidence(this IServiceCollection services)
    {
        services.AddSingleton<CourseEvidence>();
        return services;
    }
}
