namespace LtiTool.Demo;

/// <summary>
/// The demo's stylesheet and its one script, served as files: the app's Content-Security-Policy allows scripts and
/// styles from 'self' only, never inline.
/// </summary>
internal static class DemoAssets
{
    /// <summary>Submits the self-posting form of <see cref="DemoHtml.AutoPost"/>.</summary>
    public const string AutoPostScript = "document.getElementById('autopost').submit();";

    public const string Stylesheet = """
        :root { color-scheme: light; --accent: #0f5ea8; --line: #d0d7de; font-family: system-ui, sans-serif; }
        body { margin: 0; color: #1f2328; background: #f6f8fa; }
        a { color: var(--accent); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        header.top { background: var(--accent); color: #fff; padding: 8px 16px; }
        header.top h1 { font-size: 1.1rem; margin: 0; }
        .layout { display: grid; grid-template-columns: 300px 1fr; min-height: calc(100vh - 40px); }
        nav.course { background: #fff; border-right: 1px solid var(--line); padding: 16px; }
        nav.course h2 { font-size: 1rem; margin: 16px 0 8px; }
        nav.course ul { list-style: none; padding: 0; margin: 0; }
        nav.course li { margin: 4px 0; }
        label, select, button { font: inherit; }
        select { width: 100%; padding: 4px; }
        button { margin-top: 8px; padding: 6px 12px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        button:focus-visible, a:focus-visible, select:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
        main.content { padding: 16px; }
        iframe.tool { width: 100%; height: calc(100vh - 120px); border: 1px solid var(--line); background: #fff; }
        @media (max-width: 48rem) {
          .layout { grid-template-columns: 1fr; }
          nav.course { border-right: none; border-bottom: 1px solid var(--line); }
          iframe.tool { height: 80vh; }
        }
        .message { max-width: 720px; margin: 32px auto; background: #fff; padding: 24px; border: 1px solid var(--line); }
        table { border-collapse: collapse; } td, th { border: 1px solid var(--line); padding: 4px 8px; text-align: left; }
        .hint { color: #57606a; font-size: 0.9rem; }
        """;


    public static void Map(RouteGroupBuilder demo)
    {
        demo.MapGet("/assets/demo.css", () => Results.Text(Stylesheet, "text/css; charset=utf-8"));
        demo.MapGet("/assets/autopost.js", () => Results.Text(AutoPostScript, "text/javascript; charset=utf-8"));
    }
}
