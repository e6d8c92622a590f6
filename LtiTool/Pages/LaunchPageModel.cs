using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using LtiTool.Pages.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LtiTool.Pages;

/// <summary>
/// Base of every page opened by a launch: finds the launch through the tool session id in the URL (cookies are
/// unreliable in LMS iframes), checks the page suits the launch, and issues the page's API token.
/// </summary>
public abstract class LaunchPageModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider) : PageModel
{
    [BindProperty(SupportsGet = true, Name = LaunchEndpoint.SessionParameter)]
    public string? SessionId { get; set; }

    public LtiLaunch Launch { get; private set; } = default!;

    /// <summary>Bearer token for the page's calls to <c>/api</c>.</summary>
    public string ApiToken { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var launch = string.IsNullOrEmpty(SessionId) || SessionId.Length > 128
            ? null
            : await launches.FindBySessionAsync(SessionId, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
        if (launch is null)
        {
            return new HttpResultAction(LtiResults.ErrorPage(HttpContext, LtiErrors.SessionExpired));
        }

        if (!Suits(launch))
        {
            return new HttpResultAction(LtiResults.ErrorPage(HttpContext, LtiErrors.SessionWrongPage));
        }

        Launch = launch;
        ToolPageSession.Set(ViewData, SessionId!);
        PageChrome.SetLanguage(ViewData, launch.Presentation.Locale);
        ApiToken = await apiTokens.IssueAsync(launch, cancellationToken);
        return Page();
    }

    /// <summary>Whether this page may be shown for the launch (role and message type).</summary>
    protected abstract bool Suits(LtiLaunch launch);

    /// <summary>Lets a page handler answer with a minimal-API result (the shared error page).</summary>
    private sealed class HttpResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
