namespace LtiTool.Pages.Components;

/// <summary>A student's answer to "was this useful?" on a recommendation.</summary>
public enum FeedbackChoice
{
    Helpful,
    NotHelpful,
    Done,
}

/// <summary>
/// One recommended piece of practice for <c>_RecommendationCard.cshtml</c> (ui-anchors.md §6.5): title, minutes and
/// kind, the one-sentence reason, a Start link described by that reason, feedback buttons and the evidence behind it.
/// A card without a reason cannot be built (issue 12 item 4: no recommendation without a reason). Usage:
/// <c>&lt;partial name="Components/_RecommendationCard" model="card" /&gt;</c> inside an <c>ol class="card-list"</c> item.
/// </summary>
/// <param name="ContentId">Stable catalogue id; gives ids and the posted <c>contentId</c>.</param>
/// <param name="Title">What the student reads as the card heading.</param>
/// <param name="Reason">One sentence, grade-9 language, naming the evidence ("You scored 45 % on Quiz 3 …").</param>
/// <param name="Minutes">Expected time.</param>
/// <param name="KindText">"Practice set", "Video", "Reading" …</param>
/// <param name="StartHref">Where Start goes (a tool page with the session, or an outside URL).</param>
/// <param name="OpensInNewTab">True for outside resources: new tab, said in the link text.</param>
/// <param name="FeedbackAction">The POST target of the feedback form; null hides the buttons.</param>
/// <param name="Feedback">The student's current feedback, shown as text.</param>
/// <param name="Evidence">The evidence behind the reason; shown one click away.</param>
public sealed record RecommendationCardModel(
    string ContentId,
    string Title,
    string Reason,
    int Minutes,
    string KindText,
    string StartHref,
    bool OpensInNewTab = false,
    string? FeedbackAction = null,
    FeedbackChoice? Feedback = null,
    EvidenceListModel? Evidence = null)
{
    /// <summary>The form field naming the content item a feedback POST is about.</summary>
    public const string ContentField = "contentId";

    /// <summary>The form field (the pressed button) carrying the <see cref="FeedbackChoice"/>.</summary>
    public const string ChoiceField = "choice";

    public string Reason { get; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new ArgumentException("A recommendation needs a reason.", nameof(Reason))
        : Reason;

    public string HeadingId => DomId.For("rec", ContentId);

    public string ReasonId => DomId.For("reason", ContentId);
}
