namespace LtiTool.Demo;

/// <summary>A skill the demo assignments are tagged with; the code travels as the AGS line item <c>tag</c>.</summary>
public sealed record DemoSkill(string Code, string Title);

/// <summary>A graded assignment of the seeded course: an AGS line item with a skill tag (AGS 2.0 §3.2).</summary>
public sealed record DemoAssignment(string LineItemId, string Label, double ScoreMaximum, string ResourceId, string SkillCode, DateTimeOffset DueAt);

/// <summary>A seeded grade: what the student scored on an assignment, in points of its maximum.</summary>
public sealed record DemoSeedScore(string LineItemId, string UserId, double Score, DateTimeOffset SubmittedAt);

/// <summary>A resource link placed in the course: the seeded practice panel or one added by deep linking.</summary>
/// <param name="TargetLinkUri">Where the launch goes; null means the tool's launch URL.</param>
public sealed record DemoResourceLink(string Id, string Title, string? Description, string? TargetLinkUri, IReadOnlyDictionary<string, string> Custom);
