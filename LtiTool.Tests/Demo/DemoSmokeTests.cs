namespace LtiTool.Tests.Demo;

public sealed class DemoSmokeTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>
{
    [Fact]
    public async Task Home_page_renders()
    {
        using var response = await lms.Client.GetAsync(new Uri(lms.Urls.Home));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("Launch as", body, StringComparison.Ordinal);
    }
}
