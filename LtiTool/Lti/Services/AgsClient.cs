using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LtiTool.Lti.Services;

/// <summary>
/// Assignment and Grade Services 2.0 client: line items (list, get, create, ensure, update, delete), results and
/// scores, with the exact media types of AGS 2.0 §3.2–3.4 in Accept and Content-Type, sub-resources inserted into the
/// path before any query (Moodle's <c>?type_id=</c>), narrowed scopes, and the retry policy of each call type.
/// </summary>
public sealed class AgsClient
{
    private static readonly string[] ReadLineItemScopes = [LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.LineItem];
    private static readonly string[] WriteLineItemScopes = [LtiConstants.Scopes.LineItem];
    private static readonly string[] ReadResultScopes = [LtiConstants.Scopes.ResultReadOnly];
    private static readonly string[] ScoreScopes = [LtiConstants.Scopes.Score];

    private readonly ServiceHttp _http;
    private readonly ServiceUrlGuard _guard;
    private readonly ServicePager _pager;

    internal AgsClient(ServiceHttp http, ServiceUrlGuard guard, ServicePager pager)
    {
        _http = http;
        _guard = guard;
        _pager = pager;
    }

    /// <summary>
    /// Every line item of the context, page after page to the end (AGS 2.0 §3.2.3–3.2.4). Throws an
    /// <see cref="LtiServiceException"/> (paging loop, page limit, foreign next link, malformed page) after the items
    /// already yielded when the listing cannot be completed: treat the listing as incomplete then.
    /// </summary>
    public async IAsyncEnumerable<LineItem> ListLineItemsAsync(
        AgsEndpoint endpoint, LineItemQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var call = Call(endpoint, ReadLineItemScopes);
        var url = ServiceUrls.WithQuery(
            LineItemsUrl(endpoint, call),
            (LtiConstants.ServiceParameters.ResourceLinkId, query?.ResourceLinkId),
            (LtiConstants.ServiceParameters.ResourceId, query?.ResourceId),
            (LtiConstants.ServiceParameters.Tag, query?.Tag),
            (LtiConstants.ServiceParameters.Limit, Limit(query?.Limit)));
        await foreach (var item in ReadAllAsync<LineItem>(endpoint, call, url, LtiConstants.MediaTypes.LineItemContainer, item => item.Id, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>One line item by its URL (AGS 2.0 §3.2.6).</summary>
    public async Task<LineItem> GetLineItemAsync(AgsEndpoint endpoint, string lineItemUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var call = Call(endpoint, ReadLineItemScopes);
        var request = call.Request(HttpMethod.Get, _guard.Check(endpoint.Platform, lineItemUrl, call.CorrelationId), ServiceCallKind.Read) with
        {
            Accept = LtiConstants.MediaTypes.LineItem,
        };
        return await ReadLineItemAsync(request, cancellationToken);
    }

    /// <summary>
    /// Creates a line item (AGS 2.0 §3.2.5) with one attempt only: a 201 lost to a timeout would otherwise become a
    /// duplicate gradebook column. Prefer <see cref="EnsureLineItemAsync"/>, which looks the column up first.
    /// </summary>
    public async Task<LineItem> CreateLineItemAsync(AgsEndpoint endpoint, LineItem lineItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(lineItem);
        ValidateForWrite(lineItem);
        var call = Call(endpoint, WriteLineItemScopes);
        var request = call.Request(HttpMethod.Post, LineItemsUrl(endpoint, call), ServiceCallKind.Write) with
        {
            Accept = LtiConstants.MediaTypes.LineItem,
            ContentType = LtiConstants.MediaTypes.LineItem,
            Body = JsonSerializer.SerializeToUtf8Bytes(lineItem with { Id = null }, ServiceJson.CamelCase),
        };
        return await ReadLineItemAsync(request, cancellationToken);
    }

    /// <summary>
    /// The line item with the desired <see cref="LineItem.ResourceId"/> (and <see cref="LineItem.Tag"/> and
    /// <see cref="LineItem.ResourceLinkId"/> when set), created only when the platform has none: safe to call again
    /// after any failure, including a create whose answer was lost.
    /// </summary>
    public async Task<EnsuredLineItem> EnsureLineItemAsync(AgsEndpoint endpoint, LineItem desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(desired);
        if (string.IsNullOrEmpty(desired.ResourceId) && string.IsNullOrEmpty(desired.Tag))
        {
            throw new ArgumentException("A line item is ensured by its resourceId or tag; set at least one.", nameof(desired));
        }

        // One token with the write scope serves the lookup and the create.
        var batch = endpoint.NeededScopes is null ? endpoint.Needing(LtiConstants.Scopes.LineItem) : endpoint;
        var query = new LineItemQuery(desired.ResourceLinkId, NullIfEmpty(desired.ResourceId), NullIfEmpty(desired.Tag));
        await foreach (var existing in ListLineItemsAsync(batch, query, cancellationToken))
        {
            // Platforms may ignore filters: match on the fields themselves.
            if (Matches(desired.ResourceId, existing.ResourceId) && Matches(desired.Tag, existing.Tag) && Matches(desired.ResourceLinkId, existing.ResourceLinkId))
            {
                return new EnsuredLineItem(existing, Created: false);
            }
        }

        return new EnsuredLineItem(await CreateLineItemAsync(batch, desired, cancellationToken), Created: true);
    }

    /// <summary>Replaces a line item at its <see cref="LineItem.Id"/> (AGS 2.0 §3.2.7); extensions are sent back as read.</summary>
    public async Task<LineItem> UpdateLineItemAsync(AgsEndpoint endpoint, LineItem lineItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(lineItem);
        ValidateForWrite(lineItem);
        var call = Call(endpoint, WriteLineItemScopes);
        var request = call.Request(HttpMethod.Put, _guard.Check(endpoint.Platform, lineItem.Id, call.CorrelationId), ServiceCallKind.Write) with
        {
            Accept = LtiConstants.MediaTypes.LineItem,
            ContentType = LtiConstants.MediaTypes.LineItem,
            Body = JsonSerializer.SerializeToUtf8Bytes(lineItem, ServiceJson.CamelCase),
        };
        return await ReadLineItemAsync(request, cancellationToken);
    }

    /// <summary>Deletes a line item (AGS 2.0 §3.2.8). False when it was already gone (404).</summary>
    public async Task<bool> DeleteLineItemAsync(AgsEndpoint endpoint, string lineItemUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var call = Call(endpoint, WriteLineItemScopes);
        var request = call.Request(HttpMethod.Delete, _guard.Check(endpoint.Platform, lineItemUrl, call.CorrelationId), ServiceCallKind.Write);
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccess)
        {
            return true;
        }

        return response.Status == System.Net.HttpStatusCode.NotFound ? false : throw _http.Failure(request, response);
    }

    /// <summary>
    /// Every result of a line item, page after page (AGS 2.0 §3.3), from <c>{lineitem path}/results?{lineitem query}</c>.
    /// Incomplete listings throw as <see cref="ListLineItemsAsync"/> does.
    /// </summary>
    public async IAsyncEnumerable<AgsResult> ListResultsAsync(
        AgsEndpoint endpoint, string lineItemUrl, ResultQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var call = Call(endpoint, ReadResultScopes);
        var url = ServiceUrls.WithQuery(
            ServiceUrls.AppendPath(_guard.Check(endpoint.Platform, lineItemUrl, call.CorrelationId), ServiceUrls.Results),
            (LtiConstants.ServiceParameters.UserId, query?.UserId),
            (LtiConstants.ServiceParameters.Limit, Limit(query?.Limit)));
        await foreach (var result in ReadAllAsync<AgsResult>(endpoint, call, url, LtiConstants.MediaTypes.ResultContainer, result => result.Id ?? result.UserId, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Posts a score to <c>{lineitem path}/scores?{lineitem query}</c> (AGS 2.0 §3.4), retried in process on throttling
    /// and transient failures with the same body. Platform answers come back as a <see cref="ScoreResult"/>; only
    /// registration problems (untrusted URL, scope not offered, token refused, 401 twice) throw.
    /// </summary>
    public async Task<ScoreResult> PostScoreAsync(AgsEndpoint endpoint, string lineItemUrl, Score score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(score);
        score.Validate();
        var call = Call(endpoint, ScoreScopes);
        var url = ServiceUrls.AppendPath(_guard.Check(endpoint.Platform, lineItemUrl, call.CorrelationId), ServiceUrls.Scores);
        var request = call.Request(HttpMethod.Post, url, ServiceCallKind.Score) with
        {
            ContentType = LtiConstants.MediaTypes.Score,
            Body = JsonSerializer.SerializeToUtf8Bytes(score, ServiceJson.CamelCase),
            RepeatBody = JsonSerializer.SerializeToUtf8Bytes(score.AsResend(), ServiceJson.CamelCase),
        };
        ServiceResponse response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (LtiServiceException ex) when (ex.IsTransient)
        {
            var retryLater = ex.Error == LtiServiceError.Throttled ? ScoreOutcome.Throttled : ScoreOutcome.Transient;
            return new ScoreResult(retryLater, ex.StatusCode, ex.Error.ToString(), ex.RetryAfter);
        }

        var outcome = ScoreResult.Classify(response.Status, response.Body);
        if (outcome is ScoreOutcome.Delivered or ScoreOutcome.AlreadyApplied)
        {
            return new ScoreResult(outcome, response.Status);
        }

        var failure = _http.Failure(request, response);
        return new ScoreResult(outcome, response.Status, response.BodyExcerpt(), failure.RetryAfter);
    }

    private static ServiceCall Call(AgsEndpoint endpoint, IReadOnlyList<string> acceptable) => new(
        endpoint.Platform,
        ServiceScopes.ForCall(endpoint.OfferedScopes, endpoint.NeededScopes, acceptable, endpoint.Platform.Issuer),
        acceptable,
        ServiceCall.CorrelationOf(endpoint.CorrelationId));

    private Uri LineItemsUrl(AgsEndpoint endpoint, ServiceCall call) =>
        _guard.Check(
            endpoint.Platform,
            endpoint.LineItemsUrl ?? throw new LtiServiceException(LtiServiceError.ServiceNotOffered, $"The launch from {endpoint.Platform.Issuer} offered no line items URL."),
            call.CorrelationId);

    /// <summary>Every item of a JSON-array container (line items, results), page after page.</summary>
    private async IAsyncEnumerable<T> ReadAllAsync<T>(
        AgsEndpoint endpoint, ServiceCall call, Uri url, string mediaType, Func<T, string?> key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = _pager.ReadAsync(
            url,
            (page, ct) => _http.GetPageAsync(call, page, mediaType, body => ServiceJson.Read<T[]>(body, ServiceJson.CamelCase, mediaType), ct),
            key,
            endpoint.Platform.Issuer,
            call.CorrelationId,
            cancellationToken);
        await foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async Task<LineItem> ReadLineItemAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, cancellationToken);
        return response.IsSuccess
            ? ServiceJson.Read<LineItem>(response.Body, ServiceJson.CamelCase, "line item")
            : throw _http.Failure(request, response);
    }

    private static void ValidateForWrite(LineItem lineItem)
    {
        // Moodle refuses a line item without both ("No label or Score Maximum", reference 4.2); AGS 2.0 §3.2 requires them.
        if (string.IsNullOrWhiteSpace(lineItem.Label) || !(lineItem.ScoreMaximum > 0))
        {
            throw new ArgumentException("A line item needs a label and a positive scoreMaximum (AGS 2.0 §3.2).", nameof(lineItem));
        }
    }

    private static string? Limit(int? limit) => limit is { } value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool Matches(string? desired, string? actual) => string.IsNullOrEmpty(desired) || string.Equals(desired, actual, StringComparison.Ordinal);
}
