using System.Net;
using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace LtiTool.Lti.Services;

/// <summary>A service response with its body read: status, headers, body and the Link header parsed against the request URL.</summary>
internal sealed class ServiceResponse(HttpStatusCode status, HttpResponseHeaders headers, byte[] body, Uri url, string? mediaType = null)
{
    public HttpStatusCode Status { get; } = status;

    public HttpResponseHeaders Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public Uri Url { get; } = url;

    /// <summary>The body's media type (Content-Type without parameters), when the platform sent one.</summary>
    public string? MediaType { get; } = mediaType;

    /// <summary>
    /// True when the body is an HTML page: a PHP or proxy error page, never an LTI service answer (Moodle 5.0 answers a
    /// results request with <c>limit</c> with one, issue 10).
    /// </summary>
    public bool IsHtml => string.Equals(MediaType, System.Net.Mime.MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase);

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public IReadOnlyList<WebLink> Links =>
        Headers.TryGetValues(HeaderNames.Link, out var values) ? LinkHeader.Parse(values, Url) : [];

    /// <summary>A short, single-line excerpt of the body for error reports: platform text, untrusted, to be encoded by whoever shows it.</summary>
    public string BodyExcerpt(int maxLength = 200)
    {
        var text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, maxLength * 4));
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length > maxLength ? clean[..maxLength] : clean;
    }
}
