using LtiTool.Lti.Launch;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LtiTool.Pages.Layout;

/// <summary>
/// How a tool page passes its session on to the next request (forms: <c>Components/_SessionField</c>; links:
/// <see cref="Link"/>). Kept in one place so the sessions feature (issue 9) replaces it with one edit.
/// </summary>
public static class ToolPageSession
{
    /// <summary>The form and query field that carries the session today.</summary>
    public const string FieldName = LaunchEndpoint.SessionParameter;

    private const string ViewDataKey = "EduRec.Session";

    public static void Set(ViewDataDictionary viewData, string session)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ViewDataKey] = session;
    }

    public static string? Read(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData[ViewDataKey] as string;
    }

    /// <summary>A link to another tool page of the same session, e.g. <c>ToolPageSession.Link("/student/practice/set-1", ViewData)</c>.</summary>
    public static string Link(string path, ViewDataDictionary viewData, IReadOnlyDictionary<string, string?>? query = null)
    {
        var values = new Dictionary<string, string?>(query ?? new Dictionary<string, string?>());
        if (Read(viewData) is { } session)
        {
            values[FieldName] = session;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values);
    }
}
