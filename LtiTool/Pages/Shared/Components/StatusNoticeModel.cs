namespace LtiTool.Pages.Components;

/// <summary>The kind of a notice: decides its colour; its title word says the same in text.</summary>
public enum NoticeKind
{
    Information,
    Success,
    Warning,
    Error,
}

/// <summary>
/// A banner for <c>_StatusNotice.cshtml</c> (ui-anchors.md §6.3): a region titled by a word ("Saved", "Sync running").
/// When it reports the result of the user's own last action (after a POST-redirect-GET), it is an alert and takes
/// focus once (<c>data-focus-on-load</c>, handled by <c>wwwroot/js/frame.js</c>); otherwise it never moves focus.
/// Usage: <c>&lt;partial name="Components/_StatusNotice" model="new StatusNoticeModel(&quot;Saved&quot;, &quot;Your feedback is saved.&quot;, NoticeKind.Success, ReportsOwnAction: true)" /&gt;</c>.
/// </summary>
public sealed record StatusNoticeModel(string Title, string Message, NoticeKind Kind = NoticeKind.Information, bool ReportsOwnAction = false)
{
    public string TitleId => DomId.For("notice", Title);

    public string CssClass => Kind switch
    {
        NoticeKind.Success => "notice notice-success",
        NoticeKind.Warning => "notice notice-warning",
        NoticeKind.Error => "notice notice-error",
        _ => "notice",
    };
}
