using System.Text.RegularExpressions;
using LtiTool.Lti;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Lti;

public sealed partial class LtiErrorsTests
{
    [Fact]
    public void ErrorsDocument_ListsEveryErrorWithItsStatus()
    {
        var document = File.ReadAllText(RepositoryRoot.File("docs", "errors.md"));

        foreach (var error in LtiErrors.All)
        {
            Assert.Matches($@"\| <a id=""{error.Id.ToLowerInvariant()}""></a>{error.Id} \| {error.StatusCode} \|", document);
        }
    }

    [Fact]
    public void ErrorsDocument_ListsNoIdTheCodeDoesNotHave()
    {
        var document = File.ReadAllText(RepositoryRoot.File("docs", "errors.md"));
        var known = LtiErrors.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        var documented = RequestErrorRow().Matches(document).Select(m => m.Groups[1].Value);

        Assert.All(documented, id => Assert.Contains(id, known));
    }

    [GeneratedRegex(@"</a>(LTI\d{4}) \|")]
    private static partial Regex RequestErrorRow();
}
