using AngleSharp.Html.Parser;

namespace LtiTool.Tests.Demo;

/// <summary>Reads the self-posting forms the demo LMS answers with, as a browser would see them.</summary>
internal static class DemoHtmlForms
{
    public static async Task<(string Action, Dictionary<string, string> Fields)> ReadFormAsync(HttpResponseMessage response)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form#autopost") ?? throw new InvalidOperationException("No self-posting form in the page.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        return (form.GetAttribute("action")!, fields);
    }
}
