using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using LtiTool.Pages.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiTool.Pages;

/// <summary>
/// Base of every page opened by a launch: before any handler runs (GET or POST) it finds the launch through the tool
/// session id in the URL (cookies are unreliable in LMS iframes), checks the page suits the launch, and issues the
/// page's API token.
/// </summary>
// Antiforgery cookies do not reach a page framed by another site; the session id every POST carries in its URL is
// bound to the launch and never in a cookie, so it serves as the synchronizer token.
[IgnoreAntiforgeryToken]
public abstract class LaunchPageModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true, Name = LaunchEndpoint.SessionParameter)]
    public string? SessionId { get; set; }

    public LtiLaunch Launch { get; private set; } = default!;

    /// <summary>Bearer token for the page's calls to <c>/api</c>.</summary>
    public string ApiToken { get; private set; } = string.Empty;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var cancellationToken = HttpContext.RequestAborted;
        var launch = string.IsNullOrEmpty(SessionId) || SessionId.Length > 128
            ? null
            : await launches.FindBySessionAsync(SessionId, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
        if (launch is null)
        {
            context.Result = new HttpResultAction(LtiResults.ErrorPage(HttpContext, LtiErrors.SessionExpired));
            return;
        }

        if (!Suits(launch))
        {
            context.Result = new HttpResultAction(LtiResults.ErrorPage(HttpContext, LtiErrors.SessionWrongPage));
            return;
        }

        Launch = launch;
        ToolPageSession.Set(ViewData, SessionId!);
        PageChrome.SetLanguage(ViewData, launch.Presentation.Locale);
        ApiToken = await apiTokens.IssueAsync(launch, cancellationToken);
        await next();
    }

    /// <summary>Whether this page may be shown for the launch (role and message type).</summary>
    protected abstract bool Suits(LtiLaunch launch);

    /// <summary>Answers with the shared error page for <paramref name="error"/>.</summary>
    protected IActionResult ErrorPage(LtiError error) => new HttpResultAction(LtiResults.ErrorPage(HttpContext, error));

    /// <summary>Lets a page handler answer with a minimal-API result (the shared error page).</summary>
    private sealed class HttpResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
