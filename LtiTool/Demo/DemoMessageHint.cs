namespace LtiTool.Demo;

/// <summary>
/// The <c>lti_message_hint</c> the demo sends at login and reads back at authorization: which launch the user asked for
/// (Security Framework §5.1.1.1 leaves its content to the platform). Like Moodle's, it is opaque to the tool.
/// </summary>
internal sealed record DemoMessageHint(DemoMessageKind Kind, string? ResourceLinkId)
{
    private const string DeepLinkValue = "deeplink";
    private const string ResourcePrefix = "resource:";

    public override string ToString() => Kind == DemoMessageKind.DeepLinking ? DeepLinkValue : ResourcePrefix + ResourceLinkId;

    public static DemoMessageHint? Parse(string? value) => value switch
    {
        DeepLinkValue => new DemoMessageHint(DemoMessageKind.DeepLinking, null),
        { Length: > 9 and <= 64 } when value.StartsWith(ResourcePrefix, StringComparison.Ordinal) => new DemoMessageHint(DemoMessageKind.ResourceLink, value[ResourcePrefix.Length..]),
        _ => null,
    };
}
