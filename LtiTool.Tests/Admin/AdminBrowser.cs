using System.Net;
using AngleSharp.Html.Parser;
using LtiTool.Admin;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Admin;

/// <summary>A browser for the admin pages: keeps cookies, follows no redirects, fills the sign-in form.</summary>
internal sealed class AdminBrowser : IDisposable
{
    public AdminBrowser(ToolHost tool)
    {
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(tool.BaseUrl),
        };
    }

    public HttpClient Client { get; }

    public static string SetupSecretOf(ToolHost tool) => tool.Service<AdminCredential>().SetupSecret!;

    /// <summary>Signs in on the real form (antiforgery token included).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string password, string? returnUrl = null)
    {
        var fields = await FormFieldsAsync(AdminExtensions.SignInPath);
        fields["Password"] = password;
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await Client.PostAsync(AdminExtensions.SignInPath, new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden fields of the first POST form on a page.</summary>
    public async Task<Dictionary<string, string>> FormFieldsAsync(string path)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await Client.GetStringAsync(path));
        var form = document.QuerySelector("form[method=post]") ?? throw new InvalidOperationException("No form on " + path);
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    public void Dispose() => Client.Dispose();
}
