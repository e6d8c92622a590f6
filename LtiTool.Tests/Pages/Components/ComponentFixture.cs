using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Pages.Components;

/// <summary>One tool host for rendering the shared components.</summary>
public sealed class ComponentFixture : IDisposable
{
    public ToolHost Tool { get; } = new();

    public void Dispose() => Tool.Dispose();
}
