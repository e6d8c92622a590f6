namespace LtiTool.Lti;

/// <summary>
/// Every rejection the tool answers, by range: 1xxx configuration (thrown at start), 2xxx login and launch,
/// 22xx tool sessions, 5xxx course data, 9xxx general. docs/errors.md lists the same ids; a test keeps the two in step.
/// </summary>
public static class LtiErrors
{
    private const string RelaunchHint = "Open the activity again from your course.";
    private const string AdminHint = "Ask your LMS administrator to check the tool registration; quote the error id.";

    // Login initiation (Security Framework §5.1.1.1; LTI 1.3 Core §4.1).
    public static readonly LtiError LoginParameterMissing = new("LTI2001", "A required login parameter (iss, login_hint or target_link_uri) is missing.", 400, AdminHint);
    public static readonly LtiError LoginParameterTooLong = new("LTI2002", "A login parameter is longer than allowed.", 400, AdminHint);
    public static readonly LtiError PlatformNotRegistered = new("LTI2003", "This platform (issuer and client id) is not registered with the tool.", 400, AdminHint);
    public static readonly LtiError PlatformAmbiguous = new("LTI2004", "Several registrations share this issuer and the login did not name a client id.", 400, AdminHint);
    public static readonly LtiError LoginDeploymentNotRegistered = new("LTI2005", "The deployment named at login is not registered for this platform.", 400, AdminHint);
    public static readonly LtiError LoginTargetLinkUriInvalid = new("LTI2006", "The login's target_link_uri does not point at this tool.", 400, AdminHint);
    public static readonly LtiError LoginRateLimited = new("LTI2007", "Too many login attempts; wait a moment.", 429, "Wait a minute and open the activity again.");

    // Launch: state, browser binding (Security Framework §5.1.1.2, §5.1.1.4).
    public static readonly LtiError StateMissing = new("LTI2101", "The launch carries no state.", 400, RelaunchHint);
    public static readonly LtiError StateUnknown = new("LTI2102", "The launch state is unknown or has expired.", 401, RelaunchHint);
    public static readonly LtiError StateAlreadyUsed = new("LTI2103", "This launch has already been used.", 401, RelaunchHint);
    public static readonly LtiError StateNotBoundToBrowser = new("LTI2104", "The launch did not start in this browser, or the browser blocked the tool's cookie.", 401, "Open the tool in a new window, or allow cookies for this site, then launch again.");

    // Launch: the id_token as a JWS (Security Framework §5.1.3 steps 1 and 6, §5.4; RFC 7515).
    public static readonly LtiError IdTokenMissing = new("LTI2110", "The launch carries no id_token.", 400, RelaunchHint);
    public static readonly LtiError IdTokenTooLarge = new("LTI2111", "The id_token is larger than allowed.", 400, AdminHint);
    public static readonly LtiError IdTokenMalformed = new("LTI2112", "The id_token is not a well-formed signed JWT.", 400, AdminHint);
    public static readonly LtiError IssuerMismatch = new("LTI2113", "The id_token issuer is not the platform the login came from.", 401, AdminHint);
    public static readonly LtiError AudienceInvalid = new("LTI2114", "The id_token audience does not name this tool.", 401, AdminHint);
    public static readonly LtiError AudienceUntrusted = new("LTI2115", "The id_token names audiences this tool does not trust.", 401, AdminHint);
    public static readonly LtiError AuthorizedPartyInvalid = new("LTI2116", "The id_token authorized party (azp) is missing or not this tool.", 401, AdminHint);
    public static readonly LtiError KeyIdMissing = new("LTI2120", "The id_token header has no key id (kid).", 401, AdminHint);
    public static readonly LtiError KeyIdUnknown = new("LTI2121", "The id_token was signed with a key the platform does not publish.", 401, AdminHint);
    public static readonly LtiError PlatformKeysUnavailable = new("LTI2122", "The platform's public keys could not be fetched.", 503, "Try again in a minute. If it persists, ask your LMS administrator to check the tool registration; quote the error id.");
    public static readonly LtiError AlgorithmNotAllowed = new("LTI2123", "The id_token is signed with an algorithm the tool does not accept.", 401, AdminHint);
    public static readonly LtiError SignatureInvalid = new("LTI2124", "The id_token signature is not valid.", 401, AdminHint);
    public static readonly LtiError CriticalHeaderUnsupported = new("LTI2125", "The id_token header requires an extension the tool does not support.", 401, AdminHint);

    // Launch: time (Security Framework §5.1.2, §5.1.3 steps 7–8).
    public static readonly LtiError TokenExpired = new("LTI2130", "The id_token has expired.", 401, "Check that the clock of this device and of the LMS are right, then launch again.");
    public static readonly LtiError TokenIssuedInFuture = new("LTI2131", "The id_token was issued in the future.", 401, "The LMS clock appears to be ahead; ask your LMS administrator.");
    public static readonly LtiError TokenTooOld = new("LTI2132", "The id_token was issued too long ago.", 401, RelaunchHint);
    public static readonly LtiError TokenNotYetValid = new("LTI2133", "The id_token is not valid yet (nbf).", 401, RelaunchHint);
    public static readonly LtiError TokenTimestampInvalid = new("LTI2134", "The id_token has a missing or malformed exp, iat or nbf.", 401, AdminHint);

    // Launch: nonce (Security Framework §5.1.3 step 9).
    public static readonly LtiError NonceMissing = new("LTI2140", "The id_token has no nonce.", 401, AdminHint);
    public static readonly LtiError NonceMismatch = new("LTI2141", "The id_token nonce does not match the login.", 401, RelaunchHint);
    public static readonly LtiError NonceReplayed = new("LTI2142", "The id_token has already been used.", 401, RelaunchHint);

    // Launch: LTI claims (LTI 1.3 Core §3.1.3, §5.3, §5.4; Deep Linking 2.0 §4.4).
    public static readonly LtiError DeploymentMissing = new("LTI2150", "The launch names no deployment.", 400, AdminHint);
    public static readonly LtiError DeploymentUnknown = new("LTI2151", "The deployment is not registered for this platform.", 401, AdminHint);
    public static readonly LtiError DeploymentMismatch = new("LTI2152", "The launch's deployment differs from the one named at login.", 401, AdminHint);
    public static readonly LtiError VersionInvalid = new("LTI2160", "The launch is not an LTI 1.3.0 message.", 400, AdminHint);
    public static readonly LtiError MessageTypeMissing = new("LTI2161", "The launch names no message type.", 400, AdminHint);
    public static readonly LtiError MessageTypeUnsupported = new("LTI2162", "The tool does not support this kind of LTI message.", 400, AdminHint);
    public static readonly LtiError RequiredClaimMissing = new("LTI2163", "The launch lacks a claim the message type requires.", 400, AdminHint);
    public static readonly LtiError ClaimInvalid = new("LTI2164", "A launch claim has the wrong type or is too long.", 400, AdminHint);
    public static readonly LtiError TargetLinkUriInvalid = new("LTI2170", "The launch's target_link_uri does not point at this tool or differs from the login.", 401, AdminHint);

    // Tool sessions after the launch.
    public static readonly LtiError SessionExpired = new("LTI2201", "This page's session has expired.", 401, RelaunchHint);
    public static readonly LtiError SessionWrongPage = new("LTI2202", "This page is not available for your role in this course.", 403, RelaunchHint);

    // 5xxx course data: grades, rosters and skill mappings (issue 3).
    public static readonly LtiError InvalidSkillMapping = new("LTI5001", "The skill mapping is not valid for this course.", 400, "Reload the page and map the assessments again.");

    // 60xx admin: sign-in and LTI Dynamic Registration 1.0 (lti-dr v1p0 §3). LTI6001 is the setup-secret log event.
    public static readonly LtiError AdminCredentialWrong = new("LTI6002", "The admin password or setup secret is not right.", 401, "Type it again. A setup secret changes at every start of the tool; take the newest from its log.");

    // 80xx instructor tools: deep-linking picker (Deep Linking 2.0 §4.4.1), dashboard and teacher controls (issue 13).
    public static readonly LtiError DeepLinkNothingSelected = new("LTI8000", "Nothing was selected to add to the course.", 400, "Select at least one item, or choose Cancel.");
    public static readonly LtiError DeepLinkMultipleNotAccepted = new("LTI8001", "The LMS accepts one item here, and several were chosen.", 400, "Choose one item.");
    public static readonly LtiError DeepLinkTypeNotAccepted = new("LTI8002", "The LMS does not accept this kind of content here.", 400, "Choose another item, or add it from another place in your course.");
    public static readonly LtiError DeepLinkItemUnknown = new("LTI8003", "A chosen item is not offered for this course.", 400, "Reload the page and choose again.");
    public static readonly LtiError DeepLinkTooManyItems = new("LTI8004", "More items were chosen than one response may carry.", 400, "Choose fewer items, then add the rest in a second round.");
    public static readonly LtiError DeepLinkPlatformGone = new("LTI8005", "This LMS registration was removed after the launch.", 409, AdminHint);

    // General.
    public static readonly LtiError RequestTooLarge = new("LTI9002", "The request is larger than allowed.", 413, RelaunchHint);
    public static readonly LtiError ServiceUnavailable = new("LTI9003", "The tool cannot reach its database right now.", 503, "Try again in a minute.");
    public static readonly LtiError Unexpected = new("LTI9000", "Something went wrong in the tool.", 500, "Try again; if it persists, contact support with the correlation id.");
    public static readonly LtiError NotFound = new("LTI9004", "There is nothing at this address.", 404, RelaunchHint);

    /// <summary>All errors, for docs and tests.</summary>
    public static IReadOnlyList<LtiError> All { get; } = typeof(LtiErrors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(LtiError))
        .Select(f => (LtiError)f.GetValue(null)!)
        .ToArray();
}
