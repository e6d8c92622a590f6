using LtiTool.Lti;
using Microsoft.Extensions.Options;

namespace LtiTool.Demo;

/// <summary>
/// Names and Role Provisioning Services 2.0 (NRPS 2.0 §2): the course roster, paged, with Moodle's member shape and its
/// curly-quoted <c>rel=“next”</c> Link header, which a tool has to tolerate.
/// </summary>
internal static class DemoNrpsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/CourseSection/{contextId}/bindings/{bindingId}/memberships", GetMemberships)
            .AddEndpointFilter(new DemoFaultFilter(DemoEndpointKind.Nrps));

    private static IResult GetMemberships(
        HttpContext context, string contextId, DemoCourse course, DemoAccessTokens tokens, DemoBaseUrl baseUrl, IOptions<DemoOptions> options)
    {
        if ((DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.ContextMembershipReadOnly)
            ?? DemoServiceHttp.RequireAcceptable(context.Request, LtiConstants.MediaTypes.MembershipContainer)) is { } refused)
        {
            return refused;
        }

        if (contextId != DemoCourse.ContextId)
        {
            return Results.NotFound();
        }

        var role = context.Request.Query["role"].ToString();
        var members = course.Members.Where(m => role.Length == 0 || HasRole(m, role)).ToArray();
        var urls = baseUrl.ForRequest(context.Request);
        var page = DemoPaging.Page(context, urls, members, options.Value.DefaultPageSize, typographicQuotes: true, out var error);
        if (page is null)
        {
            return error!;
        }

        return DemoServiceHttp.Send(
            new
            {
                id = urls.MembershipsUrl,
                context = new { id = DemoCourse.ContextId, label = DemoCourse.Label, title = DemoCourse.Title },
                members = page.Select(ToJson).ToArray(),
            },
            LtiConstants.MediaTypes.MembershipContainer);
    }

    /// <summary>A member as Moodle writes it: short role names; names and email left out when withheld (NRPS 2.0 §2.2).</summary>
    private static object ToJson(DemoUser user) => new
    {
        status = "Active",
        roles = new[] { ShortRole(user) },
        user_id = user.Id,
        lis_person_sourcedid = string.Empty,
        name = user.Name,
        given_name = user.GivenName,
        family_name = user.FamilyName,
        email = user.Email,
        ext_user_username = user.Username,
    };

    private static string ShortRole(DemoUser user) => user.IsInstructor ? DemoSpecNames.ShortRoleInstructor : DemoSpecNames.ShortRoleLearner;

    /// <summary>The role filter takes a full role URI or its short name (NRPS 2.0 §2.4.2).</summary>
    private static bool HasRole(DemoUser user, string role) =>
        role == ShortRole(user) || role == (user.IsInstructor ? LtiConstants.Roles.Instructor : LtiConstants.Roles.Learner);
}
