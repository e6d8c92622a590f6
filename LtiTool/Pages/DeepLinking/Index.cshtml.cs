using LtiTool.DeepLinking;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LtiTool.Pages.DeepLinking;

/// <summary>
/// The content picker for a deep-linking request; only instructors may add content (catalogue case 78). GET shows the
/// offers; POST checks the choice against the request's settings and answers with the signed response in a form that
/// posts itself to the platform's return URL (Deep Linking 2.0 §4.5).
/// </summary>
public sealed class IndexModel(
    ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider, DeepLinkPicker picker, DeepLinkingResponder responder, ToolUrls toolUrls,
    IOptions<DeepLinkingOptions> options)
    : LaunchPageModel(launches, apiTokens, timeProvider)
{
    /// <summary>Message shown by the platform when the instructor cancels (the <c>errormsg</c> claim, §4.5.4).</summary>
    public const string CancelMessage = "No content was added: the instructor cancelled.";

    public DeepLinkMenu Menu { get; private set; } = default!;

    /// <summary>The chosen offer keys, kept when the page is shown again with an error.</summary>
    [BindProperty(Name = "items")]
    public List<string> Selected { get; set; } = [];

    [BindProperty(Name = "action")]
    public string? Action { get; set; }

    /// <summary>The in-page error (nothing chosen), shown in the error summary.</summary>
    public LtiError? Error { get; private set; }

    /// <summary>Set after a valid post: the page then shows the form that carries it to the platform.</summary>
    public DeepLinkingResponse? Result { get; private set; }

    public DeepLinkingRequest Settings => Launch.DeepLinking!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Menu = await picker.BuildAsync(Launch, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Menu = await picker.BuildAsync(Launch, cancellationToken);
        if (Action == CancelAction)
        {
            return await RespondAsync([], null, CancelMessage, cancellationToken);
        }

        var (offers, error) = DeepLinkSelection.Resolve(Selected, Settings, Menu, options.Value);
        if (error == LtiErrors.DeepLinkNothingSelected)
        {
            Error = error;
            HttpContext.Response.StatusCode = error.StatusCode;
            return Page();
        }

        if (error is not null)
        {
            return ErrorPage(error);
        }

        var items = ContentItems.Build(offers, Settings, toolUrls.LaunchUrl(Request), options.Value);
        var message = items.Count == 1 ? $"Added \u201c{offers[0].Title}\u201d from EduRec." : $"Added {items.Count} items from EduRec.";
        return await RespondAsync(items, message, null, cancellationToken);
    }

    public const string AddAction = "add";
    public const string CancelAction = "cancel";

    private async Task<IActionResult> RespondAsync(
        IReadOnlyList<Dictionary<string, object?>> items, string? message, string? errorMessage, CancellationToken cancellationToken)
    {
        Result = await responder.CreateAsync(Launch, items, message, errorMessage, cancellationToken);
        return Result is null ? ErrorPage(LtiErrors.DeepLinkPlatformGone) : Page();
    }

    protected override bool Suits(LtiLaunch launch) => launch.IsDeepLinking && launch.Role == LaunchRole.Instructor;
}
