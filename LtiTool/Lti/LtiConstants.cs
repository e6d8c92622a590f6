namespace LtiTool.Lti;

/// <summary>
/// Every string the LTI 1.3 / LTI Advantage specifications define, in one place, so the code reads like the spec
/// and a typo cannot hide in a literal.
/// </summary>
public static class LtiConstants
{
    /// <summary>The only LTI version this tool speaks (LTI 1.3 Core §5.3.2: the claim MUST be "1.3.0").</summary>
    public const string LtiVersion = "1.3.0";

    /// <summary>JWT claim names (LTI 1.3 Core §5, Deep Linking 2.0 §4.4, AGS 2.0 §3.1, NRPS 2.0 §3.6).</summary>
    public static class Claims
    {
        public const string Issuer = "iss";
        public const string Subject = "sub";
        public const string Audience = "aud";
        public const string AuthorizedParty = "azp";
        public const string Expires = "exp";
        public const string IssuedAt = "iat";
        public const string NotBefore = "nbf";
        public const string Nonce = "nonce";
        public const string Name = "name";
        public const string GivenName = "given_name";
        public const string FamilyName = "family_name";
        public const string Email = "email";
        public const string Locale = "locale";
        public const string JwtId = "jti";

        public const string MessageType = "https://purl.imsglobal.org/spec/lti/claim/message_type";
        public const string Version = "https://purl.imsglobal.org/spec/lti/claim/version";
        public const string DeploymentId = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";
        public const string TargetLinkUri = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri";
        public const string ResourceLink = "https://purl.imsglobal.org/spec/lti/claim/resource_link";
        public const string Roles = "https://purl.imsglobal.org/spec/lti/claim/roles";
        public const string Context = "https://purl.imsglobal.org/spec/lti/claim/context";
        public const string ToolPlatform = "https://purl.imsglobal.org/spec/lti/claim/tool_platform";
        public const string LaunchPresentation = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";
        public const string Custom = "https://purl.imsglobal.org/spec/lti/claim/custom";
        public const string Lis = "https://purl.imsglobal.org/spec/lti/claim/lis";

        public const string DeepLinkingSettings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
        public const string DeepLinkingContentItems = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
        public const string DeepLinkingData = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
        public const string DeepLinkingMessage = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
        public const string DeepLinkingLog = "https://purl.imsglobal.org/spec/lti-dl/claim/log";
        public const string DeepLinkingErrorMessage = "https://purl.imsglobal.org/spec/lti-dl/claim/errormsg";
        public const string DeepLinkingErrorLog = "https://purl.imsglobal.org/spec/lti-dl/claim/errorlog";

        public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
        public const string NrpsService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    }

    /// <summary>Message types (LTI 1.3 Core §5.3.1; Deep Linking 2.0 §4.4.1).</summary>
    public static class MessageTypes
    {
        public const string ResourceLinkRequest = "LtiResourceLinkRequest";
        public const string DeepLinkingRequest = "LtiDeepLinkingRequest";
        public const string DeepLinkingResponse = "LtiDeepLinkingResponse";
    }

    /// <summary>Content item types and their members (Deep Linking 2.0 §3.1–3.4).</summary>
    public static class ContentItemTypes
    {
        public const string LtiResourceLink = "ltiResourceLink";
        public const string Link = "link";
    }

    /// <summary>Document targets of accept_presentation_document_targets (Deep Linking 2.0 §4.4.1).</summary>
    public static class DocumentTargets
    {
        public const string Iframe = "iframe";
        public const string Window = "window";
        public const string Embed = "embed";
    }

    /// <summary>The form field that carries the deep-linking response to deep_link_return_url (Deep Linking 2.0 §4.5).</summary>
    public const string DeepLinkingResponseField = "JWT";

    /// <summary>Parameters of the third-party-initiated login and the authentication request (Security Framework §5.1.1).</summary>
    public static class LoginParameters
    {
        public const string Issuer = "iss";
        public const string LoginHint = "login_hint";
        public const string TargetLinkUri = "target_link_uri";
        public const string LtiMessageHint = "lti_message_hint";
        public const string ClientId = "client_id";
        public const string DeploymentId = "lti_deployment_id";
        public const string StorageTarget = "lti_storage_target";

        public const string Scope = "scope";
        public const string ResponseType = "response_type";
        public const string ResponseMode = "response_mode";
        public const string RedirectUri = "redirect_uri";
        public const string Prompt = "prompt";
        public const string State = "state";
        public const string Nonce = "nonce";
        public const string IdToken = "id_token";

        public const string ScopeOpenId = "openid";
        public const string ResponseTypeIdToken = "id_token";
        public const string ResponseModeFormPost = "form_post";
        public const string PromptNone = "none";
    }

    /// <summary>Role URIs (LTI 1.3 Core Appendix A). Short names are accepted too, as Core §A.2 allows.</summary>
    public static class Roles
    {
        public const string MembershipPrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
        public const string InstitutionPrefix = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
        public const string SystemPrefix = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

        public const string Learner = MembershipPrefix + "Learner";
        public const string Instructor = MembershipPrefix + "Instructor";
        public const string ContentDeveloper = MembershipPrefix + "ContentDeveloper";
        public const string Administrator = MembershipPrefix + "Administrator";
        public const string Mentor = MembershipPrefix + "Mentor";
        public const string TeachingAssistant = MembershipPrefix + "Instructor#TeachingAssistant";
        public const string InstitutionAdministrator = InstitutionPrefix + "Administrator";
        public const string InstitutionInstructor = InstitutionPrefix + "Instructor";
        public const string InstitutionStudent = InstitutionPrefix + "Student";
        public const string SystemAdministrator = SystemPrefix + "Administrator";
    }

    /// <summary>Context types (LTI 1.3 Core §5.4.1).</summary>
    public static class ContextTypes
    {
        public const string CourseOffering = "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering";
    }

    /// <summary>OAuth 2 scopes of LTI Advantage services (AGS 2.0 §3.1, NRPS 2.0 §3.6).</summary>
    public static class Scopes
    {
        public const string LineItem = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
        public const string LineItemReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
        public const string ResultReadOnly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
        public const string Score = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
        public const string ContextMembershipReadOnly = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    }

    /// <summary>Media types of LTI Advantage services (AGS 2.0 §3.2–3.4, NRPS 2.0 §2).</summary>
    public static class MediaTypes
    {
        public const string LineItem = "application/vnd.ims.lis.v2.lineitem+json";
        public const string LineItemContainer = "application/vnd.ims.lis.v2.lineitemcontainer+json";
        public const string ResultContainer = "application/vnd.ims.lis.v2.resultcontainer+json";
        public const string Score = "application/vnd.ims.lis.v1.score+json";
        public const string MembershipContainer = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    }

    /// <summary>OAuth 2 client credentials with a JWT assertion (RFC 7523 §2.2; Security Framework §4.1.1).</summary>
    public static class OAuth
    {
        public const string GrantTypeClientCredentials = "client_credentials";
        public const string ClientAssertionTypeJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        public const string GrantType = "grant_type";
        public const string ClientAssertionType = "client_assertion_type";
        public const string ClientAssertion = "client_assertion";
        public const string Scope = "scope";
    }

    /// <summary>Message names of the LTI client-side postMessage storage (lti-cs-pm / lti-pm-s 0.1).</summary>
    public static class PlatformStorage
    {
        public const string PutData = "lti.put_data";
        public const string GetData = "lti.get_data";
        public const string Capabilities = "lti.capabilities";
    }

    /// <summary>The only JWS algorithm LTI 1.3 platforms and tools are expected to use (Security Framework §5.1.3 step 6, §6.1).</summary>
    public const string SigningAlgorithm = "RS256";

    /// <summary>
    /// tool_platform product_family_code values seen from real platforms (LTI 1.3 Core §5.4.2; reference lti-anchors.md).
    /// Compared ignoring case: the claim's spelling is the platform's.
    /// </summary>
    public static class ProductFamilies
    {
        public const string Moodle = "moodle";
        public const string Canvas = "canvas";
        public const string BlackboardLearn = "BlackboardLearn";
    }

    /// <summary>Query parameters of the service containers (AGS 2.0 §3.2.4 line items, §3.3.4 results; NRPS 2.0 §2.4).</summary>
    public static class ServiceParameters
    {
        public const string ResourceLinkId = "resource_link_id";
        public const string ResourceId = "resource_id";
        public const string Tag = "tag";
        public const string Limit = "limit";
        public const string UserId = "user_id";
        public const string Role = "role";
        public const string ResourceLinkFilter = "rlid";
    }

    /// <summary>Link relation types of paged service containers (RFC 8288 §3.3; AGS 2.0 §3.2.3; NRPS 2.0 §2.4.1–2.4.2).</summary>
    public static class LinkRelations
    {
        public const string Next = "next";
        public const string Differences = "differences";
    }

    /// <summary>activityProgress values of a score (AGS 2.0 §3.4.5).</summary>
    public static class ActivityProgress
    {
        public const string Initialized = "Initialized";
        public const string Started = "Started";
        public const string InProgress = "InProgress";
        public const string Submitted = "Submitted";
        public const string Completed = "Completed";
    }

    /// <summary>gradingProgress values of a score (AGS 2.0 §3.4.6).</summary>
    public static class GradingProgress
    {
        public const string FullyGraded = "FullyGraded";
        public const string Pending = "Pending";
        public const string PendingManual = "PendingManual";
        public const string Failed = "Failed";
        public const string NotReady = "NotReady";
    }

    /// <summary>Platform extensions of service payloads, keyed by URI as AGS 2.0 §3.4 allows.</summary>
    public static class Extensions
    {
        /// <summary>Canvas's score extension; its <c>new_submission</c> (default true) makes each score POST a new submission attempt.</summary>
        public const string CanvasSubmission = "https://canvas.instructure.com/lti/submission";
        public const string CanvasNewSubmission = "new_submission";
    }

    /// <summary>Membership status values (NRPS 2.0 §2.2; Active when absent).</summary>
    public static class MemberStatus
    {
        public const string Active = "Active";
        public const string Inactive = "Inactive";
        public const string Deleted = "Deleted";
    }

    /// <summary>OAuth 2 token responses (RFC 6749 §5.1–5.2) and the bearer scheme (RFC 6750 §2.1).</summary>
    public static class OAuthResponses
    {
        public const string BearerScheme = "Bearer";
        public const string InvalidClient = "invalid_client";
        public const string InvalidScope = "invalid_scope";
        public const string InvalidGrant = "invalid_grant";
    }
}
