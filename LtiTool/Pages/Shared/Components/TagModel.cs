namespace LtiTool.Pages.Components;

/// <summary>
/// A status adjective for <c>_Tag.cshtml</c> ("Gap", "Secure", "Graded"): colour from <paramref name="CssClass"/>
/// (<c>tag-gap</c>, <c>tag-unknown</c>, <c>tag-secure</c>, <c>tag-neutral</c>) plus the word; never interactive.
/// Usage: <c>&lt;partial name="Components/_Tag" model="new TagModel(&quot;Secure&quot;, &quot;tag-secure&quot;)" /&gt;</c>.
/// </summary>
public sealed record TagModel(string Text, string CssClass = "tag-neutral");
