namespace LtiTool.Demo;

/// <summary>
/// Every URL of the demo platform and of the tool it launches, from one base (scheme and host): the demo and the tool
/// share an origin. Service paths copy Moodle's shape, <c>?type_id=</c> included, so a tool that appends
/// <c>/scores</c> after the query string fails here as it would on Moodle (reference 4.2).
/// </summary>
public sealed record DemoUrls(string BaseUrl)
{
    private const string TypeIdQuery = "?type_id=1";

    public string Home => $"{BaseUrl}/demo";

    public string Issuer => $"{BaseUrl}/demo";

    public string AuthUrl => $"{BaseUrl}/demo/authorize";

    public string TokenUrl => $"{BaseUrl}/demo/token";

    public string JwksUrl => $"{BaseUrl}/demo/jwks.json";

    public string DeepLinkReturnUrl => $"{BaseUrl}/demo/deeplink/return";

    public string ToolLoginUrl => $"{BaseUrl}/lti/login";

    public string ToolLaunchUrl => $"{BaseUrl}/lti/launch";

    public string ToolJwksUrl => $"{BaseUrl}/.well-known/jwks.json";

    public string LineItemsUrl => $"{BaseUrl}/demo/api/{DemoCourse.ContextId}/lineitems{TypeIdQuery}";

    public string LineItemUrl(string lineItemId) => $"{LineItemPath(lineItemId)}{TypeIdQuery}";

    public string ResultsUrl(string lineItemId) => $"{LineItemPath(lineItemId)}/results{TypeIdQuery}";

    public string MembershipsUrl => $"{BaseUrl}/demo/api/CourseSection/{DemoCourse.ContextId}/bindings/1/memberships";

    private string LineItemPath(string lineItemId) => $"{BaseUrl}/demo/api/{DemoCourse.ContextId}/lineitems/{Uri.EscapeDataString(lineItemId)}/lineitem";
}
