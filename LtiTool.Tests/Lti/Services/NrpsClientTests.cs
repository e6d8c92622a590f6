using LtiTool.Lti;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>The NRPS client against the demo LMS, whose memberships pages carry Moodle's curly-quoted next links.</summary>
public sealed class NrpsClientTests(ServicesDemoFixture demo) : IClassFixture<ServicesDemoFixture>
{
    [Fact]
    public async Task Memberships_CurlyQuotedNextLinks_WholeRosterOnce()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var roster = await harness.Nrps.GetMembershipsAsync(await demo.NrpsAsync(), new MembershipQuery(Limit: 7));

        Assert.Equal(demo.Course.Members.Count, roster.Members.Count);
        Assert.Equal(roster.Members.Count, roster.Members.Select(m => m.UserId).Distinct().Count());
        Assert.Equal((demo.Course.Members.Count + 6) / 7, roster.Pages);
        Assert.Equal("MATH7", roster.Context!.Label);
        Assert.Null(roster.DifferencesUrl);
        Assert.All(harness.Recorder.ServiceRequests, r => Assert.Equal(LtiConstants.MediaTypes.MembershipContainer, r.Accept));
        Assert.Equal(LtiConstants.Scopes.ContextMembershipReadOnly, ServiceTokenClientTests.ParseForm(Assert.Single(harness.Recorder.Requests, r => r.IsTokenRequest).Body!)[LtiConstants.OAuth.Scope]);
    }

    [Fact]
    public async Task Memberships_DemoDefaultPageSize_EveryMemberWithNamesWhereShared()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var roster = await harness.Nrps.GetMembershipsAsync(await demo.NrpsAsync());

        Assert.Equal(demo.Course.Members.Count, roster.Members.Count);
        Assert.True(roster.Pages > 1);
        Assert.All(roster.Members, m => Assert.True(m.IsActive));
        var instructor = Assert.Single(roster.Members, m => m.Roles.Contains("Instructor"));
        Assert.Equal(demo.Course.Instructor.Id, instructor.UserId);
        Assert.Equal(demo.Course.Members.Count(m => m.Name is not null), roster.Members.Count(m => m.Name is not null));
    }

    [Fact]
    public async Task Memberships_RoleFilter_OnlyLearners()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var roster = await harness.Nrps.GetMembershipsAsync(await demo.NrpsAsync(), new MembershipQuery(Role: LtiConstants.Roles.Learner));

        Assert.Equal(demo.Course.Students.Count, roster.Members.Count);
        Assert.DoesNotContain(roster.Members, m => m.UserId == demo.Course.Instructor.Id);
        Assert.Contains("role=" + Uri.EscapeDataString(LtiConstants.Roles.Learner), harness.Recorder.ServiceRequests[0].Url.AbsoluteUri, StringComparison.Ordinal);
    }
}
