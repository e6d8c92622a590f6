using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using LtiTool.Sync;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiTool.Skills;

/// <summary>
/// <c>GET|PUT /api/courses/current/skill-mappings</c>: the caller's course line items with their skills and where they
/// came from; instructors replace mappings. The course is the token's launch's, never an id from the request.
/// </summary>
public static class SkillMappingApi
{
    public const string Path = "/api/courses/current/skill-mappings";

    private const int MaxLineItems = 500;
    private const int MaxSkillsPerLineItem = 20;
    private const int MaxCodeLength = 100;
    private const int MaxLineItemIdLength = 2048;

    public static IEndpointRouteBuilder MapSkillMappings(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Path).RequireAuthorization(ToolApi.Policy);
        api.MapGet(string.Empty, GetAsync);
        api.MapPut(string.Empty, PutAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<SkillMappingsView>, ProblemHttpResult>> GetAsync(
        HttpContext context, ILaunchStore launches, ISkillMappingStore store, CancellationToken cancellationToken)
    {
        var (current, rejection) = await CurrentCourse.ResolveAsync(context, launches, cancellationToken);
        if (current is null)
        {
            return rejection!;
        }

        return TypedResults.Ok(await ViewAsync(store, current, cancellationToken));
    }

    private static async Task<Results<Ok<SkillMappingsView>, ProblemHttpResult>> PutAsync(
        HttpContext context, SkillMappingsRequest? request, ILaunchStore launches, ISkillMappingStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (current, rejection) = await CurrentCourse.ResolveAsync(context, launches, cancellationToken);
        if (current is null)
        {
            return rejection!;
        }

        if (!current.IsInstructor)
        {
            return (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.SessionWrongPage);
        }

        if (Validate(request) is not { } mappings
            || !await store.ReplaceMappingsAsync(current.Course, mappings, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken))
        {
            return (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.InvalidSkillMapping);
        }

        return TypedResults.Ok(await ViewAsync(store, current, cancellationToken));
    }

    private static async Task<SkillMappingsView> ViewAsync(ISkillMappingStore store, CurrentCourse current, CancellationToken cancellationToken)
    {
        var data = await store.GetAsync(current.Course, cancellationToken);
        return new SkillMappingsView(SkillResolver.Resolve(data), data.Skills);
    }

    private static Dictionary<string, IReadOnlyList<SkillWeight>>? Validate(SkillMappingsRequest? request)
    {
        if (request?.Mappings is not { Count: > 0 and <= MaxLineItems } items)
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<SkillWeight>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item?.LineItemId is not { Length: > 0 and <= MaxLineItemIdLength } lineItemId
                || item.Skills is not { Count: <= MaxSkillsPerLineItem } skills
                || skills.Any(s => s is null || !IsCode(s.Code) || !(s.Weight is > 0 and <= 1))
                || skills.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != skills.Count
                || !result.TryAdd(lineItemId, skills))
            {
                return null;
            }
        }

        return result;
    }

    // Skill codes are identifiers, not prose: letters, digits and . _ - only, so they are safe in any page or log.
    private static bool IsCode(string? code) =>
        code is { Length: > 0 and <= MaxCodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}

/// <summary>PUT body: the new mapping of each named line item; an empty skill list clears the instructor's mapping.</summary>
public sealed record SkillMappingsRequest(IReadOnlyList<LineItemMappingRequest?>? Mappings);

public sealed record LineItemMappingRequest(string? LineItemId, IReadOnlyList<SkillWeight>? Skills);

/// <summary>Every live line item of the course with its skills and their source ("unmapped" ones for the instructor to map), and the course's skills.</summary>
public sealed record SkillMappingsView(IReadOnlyList<LineItemSkills> LineItems, IReadOnlyList<Skill> Skills);
