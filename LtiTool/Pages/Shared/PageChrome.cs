using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LtiTool.Pages.Layout;

/// <summary>
/// What a page tells the shared layout (<c>Pages/Shared/_Layout.cshtml</c>): its title parts, whether it shows
/// errors, the launch's language and the high-contrast preference. Pages call the setters; only the layout reads.
/// </summary>
/// <example><code>@{ PageChrome.SetTitle(ViewData, "Your practice", Model.Launch.Course?.Title); }</code></example>
public sealed record PageChrome(string DocumentTitle, string Language, string Direction, bool HighContrast)
{
    /// <summary>The product name closing every title.</summary>
    public const string ProductName = "EduRec";

    /// <summary>The language shipped; others fall back to it until their strings exist.</summary>
    public const string DefaultLanguage = "en";

    private const string TitleKey = "Title";
    private const string ContextKey = "EduRec.TitleContext";
    private const string ErrorsKey = "EduRec.HasErrors";
    private const string LanguageKey = "EduRec.Language";
    private const string HighContrastKey = "EduRec.HighContrast";

    /// <summary>Languages with shipped strings (English only today). A launch locale outside it shows English.</summary>
    public static readonly IReadOnlySet<string> ShippedLanguages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { DefaultLanguage };

    // Written right to left (ISO 639-1); used for dir="rtl" once one of them ships.
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase) { "ar", "fa", "he", "ur", "yi", "ps" };

    /// <summary>Sets the page's h1 text and what it belongs to (course, skill); the title reads "h1 – context – EduRec".</summary>
    public static void SetTitle(ViewDataDictionary viewData, string heading, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[TitleKey] = heading;
        viewData[ContextKey] = context;
    }

    /// <summary>Marks the page as showing validation errors: the title starts with "Error: " (GOV.UK error pattern).</summary>
    public static void SetErrors(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ErrorsKey] = true;
    }

    /// <summary>Takes the language from an LTI launch locale ("fr-CA", "en_US"): shipped languages only.</summary>
    public static void SetLanguage(ViewDataDictionary viewData, string? locale)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[LanguageKey] = LanguageOf(locale);
    }

    /// <summary>Switches to the high-contrast tokens (Canvas sends <c>$Canvas.user.prefersHighContrast</c>).</summary>
    public static void SetHighContrast(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[HighContrastKey] = true;
    }

    /// <summary>The shipped language for a launch locale, or <see cref="DefaultLanguage"/>.</summary>
    public static string LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return DefaultLanguage;
        }

        var language = locale.Split('-', '_')[0];
        return ShippedLanguages.Contains(language) ? language.ToLowerInvariant() : DefaultLanguage;
    }

    public static PageChrome Read(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        var parts = new[] { viewData[TitleKey] as string, viewData[ContextKey] as string, ProductName }
            .Where(p => !string.IsNullOrWhiteSpace(p));
        var title = string.Join(" – ", parts);
        if (viewData[ErrorsKey] is true)
        {
            title = "Error: " + title;
        }

        var language = viewData[LanguageKey] as string ?? DefaultLanguage;
        return new PageChrome(title, language, RightToLeft.Contains(language) ? "rtl" : "ltr", viewData[HighContrastKey] is true);
    }
}
