namespace LtiTool.Demo;

/// <summary>
/// A member of the demo course. Ids are small numbers, as Moodle's <c>sub</c> values are. Names and email are null
/// for a user whose privacy settings withhold them (LTI 1.3 Core §5.3.6: these claims are optional).
/// </summary>
public sealed record DemoUser(string Id, string Username, string? GivenName, string? FamilyName, string? Email, bool IsInstructor)
{
    /// <summary>Full name as the platform shares it, or null when withheld.</summary>
    public string? Name => GivenName is null ? null : $"{GivenName} {FamilyName}";

    /// <summary>What the demo LMS itself shows (the LMS knows the name even when it does not share it with the tool).</summary>
    public string DisplayName => Name ?? $"{Username} (name not shared)";
}
