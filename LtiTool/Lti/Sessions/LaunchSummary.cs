using LtiTool.Lti.Launch;

namespace LtiTool.Lti.Sessions;

/// <summary>What a page may show about its launch: no ids of other users, no service URLs, no tokens.</summary>
public sealed record LaunchSummary(
    string MessageType,
    string Role,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    string? CourseTitle,
    string? CourseLabel,
    string? ResourceLinkTitle,
    IReadOnlyList<string> OfferedServices)
{
    public static LaunchSummary From(LtiLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return new LaunchSummary(
            launch.MessageType,
            launch.Role.ToString(),
            launch.DisplayName,
            launch.Roles,
            launch.Course?.Title,
            launch.Course?.Label,
            launch.ResourceLink?.Title,
            OfferedServicesOf(launch));
    }

    /// <summary>Human names of the LTI Advantage services the platform offered in this launch.</summary>
    public static IReadOnlyList<string> OfferedServicesOf(LtiLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var services = new List<string>();
        if (launch.Services.HasAssignmentAndGrades)
        {
            services.Add("Assignment and Grade Services");
        }

        if (launch.Services.HasNamesAndRoles)
        {
            services.Add("Names and Role Provisioning Services");
        }

        if (launch.DeepLinking is not null)
        {
            services.Add("Deep Linking");
        }

        return services;
    }
}
