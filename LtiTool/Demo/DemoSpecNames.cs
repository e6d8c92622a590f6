namespace LtiTool.Demo;

/// <summary>
/// Spec strings the demo platform emits that <c>LtiConstants</c> does not hold (it names what the tool reads, the
/// platform writes more). Kept here, private to the demo, each with its spec section.
/// </summary>
internal static class DemoSpecNames
{
    /// <summary>Moodle sends the short, deprecated context type (LTI 1.3 Core §5.4.1, Appendix A.1).</summary>
    public const string ContextTypeCourseSection = "CourseSection";

    /// <summary>Short role names as Moodle's NRPS answers them (NRPS 2.0 §2.2; LTI 1.3 Core §A.2).</summary>
    public const string ShortRoleLearner = "Learner";
    public const string ShortRoleInstructor = "Instructor";

    /// <summary>Platform instance claim members (LTI 1.3 Core §5.4.2).</summary>
    public const string ProductFamilyCode = "product_family_code";

    /// <summary>The demo's own product family code, so the tool applies no platform's quirks to it.</summary>
    public const string DemoProductFamily = "edurec-demo";

    /// <summary>Deep linking settings members (Deep Linking 2.0 §4.4.1).</summary>
    public const string DeepLinkReturnUrl = "deep_link_return_url";
    public const string AcceptTypes = "accept_types";
    public const string AcceptPresentationDocumentTargets = "accept_presentation_document_targets";
    public const string AcceptMultiple = "accept_multiple";
    public const string AcceptLineItem = "accept_lineitem";
    public const string AutoCreate = "auto_create";
    public const string Data = "data";
    public const string ContentItemTypeLtiResourceLink = "ltiResourceLink";

    /// <summary>AGS endpoint claim members (AGS 2.0 §3.1).</summary>
    public const string AgsLineItems = "lineitems";
    public const string AgsLineItem = "lineitem";
    public const string AgsScope = "scope";

    /// <summary>NRPS claim members (NRPS 2.0 §3.6.1).</summary>
    public const string NrpsContextMembershipsUrl = "context_memberships_url";
    public const string NrpsServiceVersions = "service_versions";

    /// <summary>AGS activity and grading progress values (AGS 2.0 §3.4.5, §3.4.6).</summary>
    public static readonly string[] ActivityProgress = ["Initialized", "Started", "InProgress", "Submitted", "Completed"];
    public static readonly string[] GradingProgress = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"];
    public const string FullyGraded = "FullyGraded";

    /// <summary>OAuth 2 error codes (RFC 6749 §5.2) and the Bearer scheme (RFC 6750 §2.1).</summary>
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";
    public const string BearerScheme = "Bearer";

    /// <summary>Form field of the deep linking response (Deep Linking 2.0 §4.5).</summary>
    public const string DeepLinkingResponseField = "JWT";
}
