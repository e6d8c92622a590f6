using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LtiTool.Lti;
using LtiTool.Lti.Http;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.Lti.Services;

/// <summary>The small pieces on their own: URLs, Retry-After, score outcomes, wire JSON, scopes, host binding, options.</summary>
public sealed class ServiceUnitTests
{
    private static readonly Platform Moodle = new(7, "https://moodle.school.edu", "client-1", "https://moodle.school.edu/mod/lti/auth.php", "https://moodle.school.edu/mod/lti/token.php", null, "https://moodle.school.edu/mod/lti/certs.php");

    [Theory]
    [InlineData("https://m.edu/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1", "https://m.edu/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1")]
    [InlineData("https://canvas.example/api/lti/courses/1/line_items/7", "https://canvas.example/api/lti/courses/1/line_items/7/scores")]
    [InlineData("https://canvas.example/api/lti/courses/1/line_items/7/", "https://canvas.example/api/lti/courses/1/line_items/7/scores")]
    [InlineData("https://b.example/items/a%2Fb?x=1&y=2", "https://b.example/items/a%2Fb/scores?x=1&y=2")]
    public void AppendPath_LineItemUrlWithOrWithoutQuery_InsertsBeforeTheQuery(string lineItem, string expected)
    {
        Assert.Equal(expected, ServiceUrls.AppendPath(new Uri(lineItem), ServiceUrls.Scores).AbsoluteUri);
    }

    [Fact]
    public void WithQuery_ExistingQuery_AppendsEscapedNonNullParameters()
    {
        var url = ServiceUrls.WithQuery(new Uri("https://m.edu/lineitems?type_id=1"), ("tag", "fractions add"), ("resource_id", null), ("limit", "50"));

        Assert.Equal("https://m.edu/lineitems?type_id=1&tag=fractions%20add&limit=50", url.AbsoluteUri);
    }

    [Fact]
    public void RetryAfter_Seconds_ReadAsDelay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfter.Read(response.Headers, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter.Read(response.Headers, DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void RetryAfter_HttpDate_ReadAgainstTheInjectedClock()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 23 Nov 2026 12:00:30 GMT");

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Read(response.Headers, now, TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(response.Headers, now.AddHours(1), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void RetryAfter_HostileValue_Capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "999999");

        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfter.Read(response.Headers, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void RetryAfter_Absent_Null()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfter.Read(response.Headers, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [InlineData(200, "", ScoreOutcome.Delivered)]
    [InlineData(204, "", ScoreOutcome.Delivered)]
    [InlineData(409, "A score with this or a later timestamp is already recorded.", ScoreOutcome.AlreadyApplied)]
    [InlineData(400, "Score timestamp cannot be earlier than the most recent score", ScoreOutcome.Superseded)]
    [InlineData(400, "score must not be before last updated timestamp", ScoreOutcome.Superseded)]
    [InlineData(400, "Incorrect score received: the user is not gradable", ScoreOutcome.PermanentFailure)]
    [InlineData(422, "User not found in course or is not a student", ScoreOutcome.PermanentFailure)]
    [InlineData(404, "", ScoreOutcome.PermanentFailure)]
    [InlineData(403, "Forbidden", ScoreOutcome.PermanentFailure)]
    [InlineData(403, "Rate Limit Exceeded", ScoreOutcome.Throttled)]
    [InlineData(429, "", ScoreOutcome.Throttled)]
    [InlineData(500, "", ScoreOutcome.Transient)]
    [InlineData(504, "", ScoreOutcome.Transient)]
    public void ScoreOutcome_PlatformAnswer_Classified(int status, string body, ScoreOutcome expected)
    {
        Assert.Equal(expected, ScoreResult.Classify((HttpStatusCode)status, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Score_Serialized_SpecNamesAndIso8601WithMillisecondsAndOffset()
    {
        var score = new Score
        {
            UserId = "4",
            ScoreGiven = 8.5,
            ScoreMaximum = 10,
            Timestamp = new DateTimeOffset(2026, 11, 22, 10, 54, 41, 135, TimeSpan.Zero),
            ActivityProgress = ActivityProgress.Completed,
            GradingProgress = GradingProgress.FullyGraded,
        };

        var json = JsonSerializer.Serialize(score, ServiceJson.CamelCase);

        Assert.Equal("""{"userId":"4","scoreGiven":8.5,"scoreMaximum":10,"timestamp":"2026-11-22T10:54:41.135+00:00","activityProgress":"Completed","gradingProgress":"FullyGraded"}""", json);
    }

    [Fact]
    public void Score_GivenWithoutMaximum_RefusedBeforeSending()
    {
        var score = Scores.For("4", TimeProvider.System) with { ScoreMaximum = null };

        Assert.Throws<ArgumentException>(score.Validate);
    }

    [Fact]
    public void LineItem_MoodleJson_ReadWithExtensionsKept()
    {
        var json = """{"id":"https://m.edu/lineitems/5/lineitem?type_id=1","label":"Quiz","scoreMaximum":100,"resourceId":"","tag":"","resourceLinkId":"1","ltiLinkId":"1","startDateTime":"not a date"}""";

        var item = JsonSerializer.Deserialize<LineItem>(json, ServiceJson.CamelCase)!;

        Assert.Equal(100, item.ScoreMaximum);
        Assert.Equal("1", item.ResourceLinkId);
        Assert.Null(item.StartDateTime);
        Assert.Equal("1", item.Extensions!["ltiLinkId"].GetString());
        Assert.Contains("\"ltiLinkId\":\"1\"", JsonSerializer.Serialize(item, ServiceJson.CamelCase), StringComparison.Ordinal);
    }

    [Fact]
    public void Member_MoodleJson_ReadWithSnakeCaseNames()
    {
        var json = """{"status":"Active","roles":["Learner"],"user_id":"4","lis_person_sourcedid":"","name":"Alice Anderson","given_name":"Alice","family_name":"Anderson","email":"a@example.com","ext_user_username":"student1"}""";

        var member = JsonSerializer.Deserialize<Member>(json, ServiceJson.SnakeCase)!;

        Assert.Equal("4", member.UserId);
        Assert.Equal("Alice", member.GivenName);
        Assert.Equal("Anderson", member.FamilyName);
        Assert.True(member.IsActive);
        Assert.True(member.Extensions!.ContainsKey("ext_user_username"));
    }

    [Fact]
    public void ScopeNarrowing_NoDeclaredNeeds_PrefersReadOnly()
    {
        var scopes = ServiceScopes.ForCall([LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly], null, [LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.LineItem], "iss");

        Assert.Equal(LtiConstants.Scopes.LineItemReadOnly, scopes.Value);
    }

    [Fact]
    public void ScopeNarrowing_OnlyReadWriteOffered_UsesIt()
    {
        var scopes = ServiceScopes.ForCall([LtiConstants.Scopes.LineItem], null, [LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.LineItem], "iss");

        Assert.Equal(LtiConstants.Scopes.LineItem, scopes.Value);
    }

    [Theory]
    [InlineData("https://moodle.school.edu/mod/lti/services.php/2/lineitems?type_id=1", true)]
    [InlineData("https://MOODLE.school.edu/x", true)]
    [InlineData("https://api.moodle.school.edu/x", true)]
    [InlineData("https://evil.example/mod/lti/services.php/2/lineitems", false)]
    [InlineData("https://moodle.school.edu.evil.example/x", false)]
    [InlineData("http://moodle.school.edu/x", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("not a url", false)]
    public void UrlGuard_ServiceUrl_AllowedOnlyOnRegisteredHttpsHosts(string url, bool allowed)
    {
        var guard = Guard();

        var ok = Record.Exception(() => guard.Check(Moodle, url, "c")) is null;

        Assert.Equal(allowed, ok);
    }

    [Fact]
    public void UrlGuard_TrustedHostPattern_AllowsHostedCanvasSchoolHosts()
    {
        var canvas = new Platform(8, "https://canvas.instructure.com", "10000000001", "https://sso.canvaslms.com/api/lti/authorize_redirect", "https://sso.canvaslms.com/login/oauth2/token", null, "https://sso.canvaslms.com/api/lti/security/jwks");

        Assert.Throws<LtiServiceException>(() => Guard().Check(canvas, "https://school.instructure.com/api/lti/courses/1/line_items", "c"));
        Assert.NotNull(Guard("*.instructure.com").Check(canvas, "https://school.instructure.com/api/lti/courses/1/line_items", "c"));
    }

    [Fact]
    public void Options_Defaults_Valid()
    {
        Assert.Empty(Validate(new ServicesOptions()));
    }

    [Fact]
    public void Options_TotalShorterThanAttemptOrBadHostPattern_Invalid()
    {
        var options = new ServicesOptions { AttemptTimeout = TimeSpan.FromSeconds(20), ReadTotalTimeout = TimeSpan.FromSeconds(10), TrustedServiceHosts = ["*.", "https://x.example"] };

        var errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ServicesOptions.ReadTotalTimeout)));
        Assert.Equal(2, errors.Count(e => e.MemberNames.Contains(nameof(ServicesOptions.TrustedServiceHosts))));
    }

    [Fact]
    public void Options_AssertionLifetimeOverFiveMinutes_Invalid()
    {
        Assert.Contains(Validate(new ServicesOptions { AssertionLifetime = TimeSpan.FromMinutes(10) }), e => e.MemberNames.Contains(nameof(ServicesOptions.AssertionLifetime)));
    }

    private static ServiceUrlGuard Guard(params string[] trusted) => new(
        new UrlPolicy(Options.Create(new LtiOptions())),
        Options.Create(new ServicesOptions { TrustedServiceHosts = trusted }),
        NullLogger<ServiceUrlGuard>.Instance);

    private static List<ValidationResult> Validate(ServicesOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
