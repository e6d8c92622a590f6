using System.Text;
using System.Text.Encodings.Web;

namespace LtiTool.Demo;

/// <summary>Server-rendered HTML of the demo LMS: encoded output, one small stylesheet, no framework.</summary>
internal static class DemoHtml
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK, string? bodyAttributes = null)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}}</title>
            <link rel="stylesheet" href="/demo/assets/demo.css">
            </head>
            <body{{bodyAttributes}}>
            {{body}}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Error(string title, string message) =>
        Page(title, $"""<main class="message"><h1>{Encode(title)}</h1><p role="alert">{Encode(message)}</p></main>""", StatusCodes.Status400BadRequest);

    /// <summary>
    /// A form that posts itself on load, as an LMS sends the login initiation and the id_token (Security Framework §5.1.1;
    /// OAuth 2.0 Form Post Response Mode). The button is there for browsers without script.
    /// </summary>
    public static IResult AutoPost(string title, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var inputs = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            inputs.Append(FormattableString.Invariant($"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">"""));
        }

        var body = $"""
            <main class="message">
            <form id="autopost" method="post" action="{Encode(action)}">
            {inputs}
            <p>{Encode(title)}…</p>
            <noscript><button type="submit">Continue</button></noscript>
            </form>
            <script src="/demo/assets/autopost.js"></script>
            </main>
            """;
        return Page(title, body);
    }
}
