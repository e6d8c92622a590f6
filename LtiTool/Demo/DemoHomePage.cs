using System.Text;

namespace LtiTool.Demo;

/// <summary>
/// <c>GET /demo</c>: the demo LMS's course page. The sidebar picks who to launch as and what to open; the tool runs in
/// an iframe with the permissions LMSs usually grant (Moodle and Canvas set similar <c>allow</c> lists).
/// </summary>
internal static class DemoHomePage
{
    private const string IframeAllow = "microphone *; camera *; autoplay *; clipboard-write *; fullscreen *; encrypted-media *";

    public static IResult Handle(HttpContext context, DemoCourse course, DemoGradebook gradebook)
    {
        var query = context.Request.Query;
        var user = course.FindMember(query["user"].ToString()) ?? course.Instructor;
        var kind = query["kind"].ToString();
        var linkId = query["link"].ToString();
        var launching = kind is DemoLaunchEndpoint.KindResource or DemoLaunchEndpoint.KindDeepLink;
        var main = launching
            ? $"""<iframe class="tool" title="EduRec tool" src="{DemoHtml.Encode(LaunchSrc(user.Id, kind, linkId))}" allow="{IframeAllow}" allowfullscreen></iframe>"""
            : """
              <h2>Try the tool</h2>
              <p>Choose who to launch as, then open the practice panel, or add content as the instructor.
              Each launch goes through the real LTI 1.3 flow: login initiation, authorization, a signed id_token.</p>
              """;
        var body = $"""
            <a class="skip" href="#content">Skip to content</a>
            <header class="top"><h1>EduRec demo LMS</h1></header>
            <div class="layout">
            <nav class="course" aria-label="Course">
            <h2>{DemoHtml.Encode(DemoCourse.Label)}: {DemoHtml.Encode(DemoCourse.Title)}</h2>
            <form method="get" action="/demo">
            <label for="user">Launch as</label>
            <select id="user" name="user">{UserOptions(course, user)}</select>
            <input type="hidden" name="link" value="{DemoCourse.PracticePanelLinkId}">
            <button type="submit" name="kind" value="{DemoLaunchEndpoint.KindResource}">Open the practice panel</button>
            <button type="submit" name="kind" value="{DemoLaunchEndpoint.KindDeepLink}" class="secondary">Add content (instructor)</button>
            </form>
            <h2>Activities</h2>
            <ul>{Activities(gradebook, user)}</ul>
            <h2>Gradebook</h2>
            <p><a href="/demo/gradebook">Grades of the class</a></p>
            </nav>
            <main id="content" class="content">
            <p class="hint">Signed in as {DemoHtml.Encode(user.DisplayName)} ({(user.IsInstructor ? "instructor" : "student")}).</p>
            {main}
            </main>
            </div>
            """;
        return DemoHtml.Page($"{DemoCourse.Label} – EduRec demo LMS", body);
    }

    private static string LaunchSrc(string userId, string kind, string linkId) =>
        $"/demo/launch?user={Uri.EscapeDataString(userId)}&kind={Uri.EscapeDataString(kind)}&link={Uri.EscapeDataString(linkId)}";

    private static string UserOptions(DemoCourse course, DemoUser selected)
    {
        var options = new StringBuilder();
        foreach (var member in course.Members)
        {
            var role = member.IsInstructor ? "Instructor" : "Student";
            var isSelected = member.Id == selected.Id ? " selected" : string.Empty;
            options.Append(FormattableString.Invariant($"""<option value="{DemoHtml.Encode(member.Id)}"{isSelected}>{DemoHtml.Encode(member.DisplayName)} ({role})</option>"""));
        }

        return options.ToString();
    }

    private static string Activities(DemoGradebook gradebook, DemoUser user)
    {
        var items = new StringBuilder();
        foreach (var link in gradebook.ResourceLinks)
        {
            var href = $"/demo?user={Uri.EscapeDataString(user.Id)}&kind={DemoLaunchEndpoint.KindResource}&link={Uri.EscapeDataString(link.Id)}";
            items.Append(FormattableString.Invariant($"""<li><a href="{DemoHtml.Encode(href)}">{DemoHtml.Encode(link.Title)}</a></li>"""));
        }

        return items.ToString();
    }
}
