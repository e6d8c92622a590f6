namespace LtiTool.Pages.Components;

/// <summary>
/// What is missing and what to do, for <c>_EmptyState.cshtml</c> (ui-anchors.md §6.8): a heading, one sentence why,
/// and one action or an honest "nothing to do" (no action). Usage:
/// <c>&lt;partial name="Components/_EmptyState" model="new EmptyStateModel(&quot;No grades yet&quot;, &quot;...&quot;)" /&gt;</c>.
/// </summary>
/// <param name="Heading">What is missing ("No grades yet").</param>
/// <param name="Message">One sentence: why, and what happens next.</param>
/// <param name="ActionText">The one action's link text; null for none.</param>
/// <param name="ActionHref">The action's URL (build tool links with the session helpers); null for none.</param>
/// <param name="HeadingLevel">2 or 3.</param>
public sealed record EmptyStateModel(string Heading, string Message, string? ActionText = null, string? ActionHref = null, int HeadingLevel = 2)
{
    public bool HasAction => ActionText is not null && ActionHref is not null;
}
