namespace LtiTool.Demo;

/// <summary>The two launches the demo LMS makes: open a resource link, or ask the tool for content (deep linking).</summary>
public enum DemoMessageKind
{
    ResourceLink,
    DeepLinking,
}
