namespace LtiTool.Tests.TestSupport;

/// <summary>One tool with an empty, migrated database, shared by the tests of a class.</summary>
public sealed class ToolHostFixture : IDisposable
{
    public ToolHost Tool { get; } = new();

    public void Dispose() => Tool.Dispose();
}
