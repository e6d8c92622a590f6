using System.Security.Claims;
using LtiTool.Admin;
using LtiTool.Lti;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LtiTool.Pages.Admin;

/// <summary>
/// Admin sign-in with the admin credential (configured password, or the setup secret from the log). Rate limited
/// per client address; a success sets the admin cookie and returns to the page asked for, on this site only.
/// </summary>
[EnableRateLimiting(AdminExtensions.SignInRateLimiterPolicy)]
public sealed class SignInModel(AdminCredential credential) : PageModel
{
    public const string DefaultReturnPath = "/admin/setup";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public LtiError? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!credential.Verify(Password))
        {
            Error = LtiErrors.AdminCredentialWrong;
            Response.StatusCode = Error.StatusCode;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], AdminExtensions.Scheme);
        await HttpContext.SignInAsync(AdminExtensions.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : DefaultReturnPath);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(AdminExtensions.Scheme);
        return RedirectToPage();
    }
}
