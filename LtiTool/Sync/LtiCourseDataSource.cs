using LtiTool.Lti;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;
using Microsoft.Extensions.Options;

namespace LtiTool.Sync;

/// <summary>
/// Reads a course through the AGS and NRPS clients, with the endpoints the course's latest launch announced
/// (<see cref="CourseServices"/>). A listing the client cannot finish (paging loop, page limit, malformed page, retries
/// exhausted) throws <see cref="CourseDataSourceException"/> and returns nothing, so <see cref="CourseSync"/> records the
/// error and never mistakes a partial roster or gradebook for students who left or columns that were deleted.
/// </summary>
public sealed class LtiCourseDataSource(AgsClient ags, NrpsClient nrps, IPlatformStore platforms, IOptions<SyncOptions> options) : ICourseDataSource
{
    public async Task<IReadOnlyList<LmsLineItem>> GetLineItemsAsync(CourseServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var endpoint = await AgsAsync(services, cancellationToken);
        var lineItems = new List<LmsLineItem>();
        try
        {
            await foreach (var item in ags.ListLineItemsAsync(endpoint, new LineItemQuery(Limit: options.Value.PageSize), cancellationToken))
            {
                // The id is the line item's URL (AGS 2.0 §3.2): an item without one cannot be read or mapped, so it is left out.
                if (item.Id is { Length: > 0 } id)
                {
                    lineItems.Add(new LmsLineItem(id, item.Label, item.ScoreMaximum, NullIfEmpty(item.ResourceId), NullIfEmpty(item.Tag), NullIfEmpty(item.ResourceLinkId)));
                }
            }
        }
        catch (LtiServiceException exception)
        {
            throw Failure("line items", exception);
        }

        return lineItems;
    }

    /// <summary>
    /// A line item's results. Moodle 5.0 crashes on <c>limit</c> for results URLs carrying <c>type_id</c> (which LTI 1.3
    /// URLs always do: <c>results.php</c> builds its paging link only without it, and answers 404 with a PHP error page,
    /// issue 10), so on Moodle (tool_platform.product_family_code) results are asked for without <c>limit</c>, and on
    /// any platform a paged read answered by an HTML error page is read again once without it.
    /// </summary>
    public async Task<IReadOnlyList<LmsResult>> GetResultsAsync(CourseServices services, LmsLineItem lineItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(lineItem);
        var endpoint = await AgsAsync(services, cancellationToken);
        try
        {
            if (services.IsMoodle)
            {
                return await ReadResultsAsync(endpoint, lineItem, limit: null, cancellationToken);
            }

            try
            {
                return await ReadResultsAsync(endpoint, lineItem, options.Value.PageSize, cancellationToken);
            }
            catch (LtiServiceException exception) when (exception.AnsweredWithHtml)
            {
                return await ReadResultsAsync(endpoint, lineItem, limit: null, cancellationToken);
            }
        }
        catch (LtiServiceException exception)
        {
            throw Failure($"results of \"{Excerpt(lineItem.Label)}\"", exception);
        }
    }

    private async Task<IReadOnlyList<LmsResult>> ReadResultsAsync(AgsEndpoint endpoint, LmsLineItem lineItem, int? limit, CancellationToken cancellationToken)
    {
        var results = new List<LmsResult>();
        await foreach (var result in ags.ListResultsAsync(endpoint, lineItem.Id, new ResultQuery(Limit: limit), cancellationToken))
        {
            if (result.UserId.Length > 0)
            {
                results.Add(new LmsResult(result.UserId, Fraction(result), result.Timestamp));
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<LmsMember>> GetMembersAsync(CourseServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var platform = await PlatformAsync(services, cancellationToken);
        var url = services.MembershipsUrl ?? throw new CourseDataSourceException("The course's launch offered no roster (Names and Role Provisioning Services).");
        try
        {
            var membership = await nrps.GetMembershipsAsync(new NrpsEndpoint(platform, url), new MembershipQuery(Limit: options.Value.PageSize), cancellationToken);
            return membership.Members
                .Where(m => m.UserId.Length > 0)
                .Select(m => new LmsMember(m.UserId, m.Roles, m.IsActive, DisplayName(m)))
                .ToList();
        }
        catch (LtiServiceException exception)
        {
            throw Failure("roster", exception);
        }
    }

    /// <summary>
    /// One endpoint for the whole course: every line item and results call declares the same read-only scopes, so a
    /// single token serves them all (the clients cache it per scope set) and no token asks for write scopes a sync
    /// never uses (Security Framework §4.1, narrowing to the launch's AGS claim, AGS 2.0 §3.1).
    /// </summary>
    private async Task<AgsEndpoint> AgsAsync(CourseServices services, CancellationToken cancellationToken)
    {
        var platform = await PlatformAsync(services, cancellationToken);
        var offered = services.AgsScopes;
        var lineItemScope = offered.Contains(LtiConstants.Scopes.LineItemReadOnly) ? LtiConstants.Scopes.LineItemReadOnly : LtiConstants.Scopes.LineItem;
        string[] needed = offered.Contains(LtiConstants.Scopes.ResultReadOnly) ? [lineItemScope, LtiConstants.Scopes.ResultReadOnly] : [lineItemScope];
        return new AgsEndpoint(platform, offered.ToArray(), services.LineItemsUrl, LineItemUrl: null).Needing(needed);
    }

    private async Task<Platform> PlatformAsync(CourseServices services, CancellationToken cancellationToken) =>
        await platforms.GetAsync(services.Course.PlatformId, cancellationToken)
            ?? throw new CourseDataSourceException("The course's platform is no longer registered with the tool.");

    /// <summary>AGS 2.0 §3.3: a result without resultMaximum is out of 1.</summary>
    private static double? Fraction(AgsResult result) =>
        result.ResultScore is { } score ? score / (result.ResultMaximum is > 0 and var maximum ? maximum : 1) : null;

    /// <summary>The name only when the platform shares it (NRPS 2.0 §2.2; Canvas name_only privacy); never the email.</summary>
    private static string? DisplayName(Member member) =>
        NullIfEmpty(member.Name) ?? NullIfEmpty(string.Join(' ', new[] { member.GivenName, member.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))));

    /// <summary>A column label in an error the instructor reads: platform text, short, encoded by whoever shows it.</summary>
    private static string Excerpt(string label) => label.Length > 60 ? label[..60] + "…" : label;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The instructor sees this: the service and the failure class, never a URL, a token or a response body.</summary>
    private static CourseDataSourceException Failure(string what, LtiServiceException exception)
    {
        var status = exception.StatusCode is { } code ? $", HTTP {(int)code}" : string.Empty;
        return new CourseDataSourceException($"The LMS {what} could not be read completely ({exception.Error}{status}); nothing was marked as removed.", exception);
    }
}
