namespace LtiTool.Admin;

/// <summary>
/// The strings of LTI Dynamic Registration 1.0 (IMS, 2020) and of the platforms' registration shapes, in one place.
/// </summary>
public static class RegistrationNames
{
    /// <summary>Query parameters of the registration initiation (Dynamic Registration §3.3).</summary>
    public const string OpenIdConfigurationParameter = "openid_configuration";
    public const string RegistrationTokenParameter = "registration_token";

    /// <summary>Members of the platform's OpenID configuration (Dynamic Registration §3.4; OpenID Connect Discovery §3).</summary>
    public static class Platform
    {
        public const string Issuer = "issuer";
        public const string AuthorizationEndpoint = "authorization_endpoint";
        public const string TokenEndpoint = "token_endpoint";
        public const string JwksUri = "jwks_uri";
        public const string RegistrationEndpoint = "registration_endpoint";
        public const string ScopesSupported = "scopes_supported";
        public const string AuthorizationServer = "authorization_server";
        public const string Configuration = "https://purl.imsglobal.org/spec/lti-platform-configuration";
        public const string ProductFamilyCode = "product_family_code";
        public const string Version = "version";
        public const string MessagesSupported = "messages_supported";
    }

    /// <summary>Members of the tool's registration request and the platform's answer (Dynamic Registration §3.5–3.6).</summary>
    public static class Tool
    {
        public const string ApplicationType = "application_type";
        public const string ApplicationTypeWeb = "web";
        public const string GrantTypes = "grant_types";
        public const string GrantTypeImplicit = "implicit";
        public const string ResponseTypes = "response_types";
        public const string ResponseTypeIdToken = "id_token";
        public const string RedirectUris = "redirect_uris";
        public const string InitiateLoginUri = "initiate_login_uri";
        public const string ClientName = "client_name";
        public const string JwksUri = "jwks_uri";
        public const string TokenEndpointAuthMethod = "token_endpoint_auth_method";
        public const string PrivateKeyJwt = "private_key_jwt";
        public const string Scope = "scope";
        public const string ClientId = "client_id";

        public const string Configuration = "https://purl.imsglobal.org/spec/lti-tool-configuration";
        public const string Domain = "domain";
        public const string Description = "description";
        public const string TargetLinkUri = "target_link_uri";
        public const string Claims = "claims";
        public const string Messages = "messages";
        public const string DeploymentId = "deployment_id";

        public const string MessageType = "type";
        public const string MessageLabel = "label";
        public const string MessagePlacements = "placements";
        public const string MessageTargetLinkUri = "target_link_uri";
    }

    /// <summary><c>product_family_code</c> values seen in the platforms' configurations (lti-anchors.md §4).</summary>
    public static class ProductFamilies
    {
        public const string Canvas = "canvas";
        public const string Moodle = "moodle";
        public const string Brightspace = "desire2learn";
        public const string BrightspaceAlternate = "Brightspace";
        public const string Blackboard = "BlackboardLearn";
    }

    /// <summary>Canvas's extension members (Canvas <c>registration.md</c>, <c>lti_dev_key_config.md</c>).</summary>
    public const string CanvasPlatform = "canvas.instructure.com";
    public const string CanvasPrivacyLevel = "https://canvas.instructure.com/lti/privacy_level";
    public const string CanvasToolId = "https://canvas.instructure.com/lti/tool_id";
    public const string CanvasCourseNavigationDefaultEnabled = "https://canvas.instructure.com/lti/course_navigation/default_enabled";
    public const string CanvasVisibility = "https://canvas.instructure.com/lti/visibility";

    /// <summary>Moodle's only placement for deep linking (mod/lti openid-configuration.php).</summary>
    public const string MoodleContentPlacement = "ContentItemSelectionRequest";

    /// <summary>The message that tells the platform the registration window is done (Dynamic Registration §3.6.2).</summary>
    public const string CloseMessageSubject = "org.imsglobal.lti.close";
}
