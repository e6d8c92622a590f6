using LtiTool.DeepLinking;
using LtiTool.Lti;
using LtiTool.Lti.Launch;

namespace LtiTool.Tests.DeepLinking;

public sealed class DeepLinkSelectionTests
{
    private static readonly PracticeSetEntry Fractions = new("fr", "Practice: fractions", null, "fractions", 10, 15);
    private static readonly ExternalResourceEntry Video = new("v1", "Fractions video", null, "https://example.org/v", ["fractions"]);

    private static readonly DeepLinkOffer Panel = new(DeepLinkOffer.PanelKey, DeepLinkOfferKind.PracticePanel, LtiConstants.ContentItemTypes.LtiResourceLink, "Practice panel", null, null, null, 0);
    private static readonly DeepLinkOffer Set = new("set:fr", DeepLinkOfferKind.PracticeSet, LtiConstants.ContentItemTypes.LtiResourceLink, Fractions.Title, null, Fractions, null, 3);
    private static readonly DeepLinkOffer Link = new("link:v1", DeepLinkOfferKind.ExternalResource, LtiConstants.ContentItemTypes.Link, Video.Title, null, null, Video, 3);

    private static DeepLinkingRequest Settings(bool multiple = true, bool lineItem = true, params string[] types) => new(
        "https://lms.example/return", types.Length == 0 ? [LtiConstants.ContentItemTypes.LtiResourceLink, LtiConstants.ContentItemTypes.Link] : types,
        ["iframe", "window"], multiple, lineItem, AutoCreate: false, null, null, "data-1");

    [Fact]
    public void Resolve_TwoItemsWhereOneIsAccepted_RefusedAsMultipleNotAccepted()
    {
        var menu = new DeepLinkMenu([Panel, Set], 10, []);

        var (offers, error) = DeepLinkSelection.Resolve([Panel.Key, Set.Key], Settings(multiple: false), menu, new DeepLinkingOptions());

        Assert.Same(LtiErrors.DeepLinkMultipleNotAccepted, error);
        Assert.Empty(offers);
    }

    [Fact]
    public void Resolve_ItemOfATypeThePlatformRefusesHere_RefusedAsTypeNotAccepted()
    {
        var menu = new DeepLinkMenu([Panel, Set], 10, [Link]);

        var (_, error) = DeepLinkSelection.Resolve([Link.Key], Settings(types: LtiConstants.ContentItemTypes.LtiResourceLink), menu, new DeepLinkingOptions());

        Assert.Same(LtiErrors.DeepLinkTypeNotAccepted, error);
    }

    [Fact]
    public void Resolve_MoreThanTheLimit_Refused()
    {
        var menu = new DeepLinkMenu([Panel, Set, Link], 10, []);

        var (_, error) = DeepLinkSelection.Resolve([Panel.Key, Set.Key, Link.Key], Settings(), menu, new DeepLinkingOptions { MaxItems = 2 });

        Assert.Same(LtiErrors.DeepLinkTooManyItems, error);
    }

    [Fact]
    public void Resolve_RepeatedKey_CountsOnce()
    {
        var menu = new DeepLinkMenu([Panel, Set], 10, []);

        var (offers, error) = DeepLinkSelection.Resolve([Set.Key, Set.Key], Settings(multiple: false), menu, new DeepLinkingOptions());

        Assert.Null(error);
        Assert.Equal([Set], offers);
    }

    [Fact]
    public void Build_LineItemsNotAccepted_PracticeSetHasNoColumn_AndLinksNeverDo()
    {
        var items = ContentItems.Build([Set, Link], Settings(lineItem: false), "https://tool.example/lti/launch", new DeepLinkingOptions());

        Assert.DoesNotContain("lineItem", items[0].Keys);
        Assert.DoesNotContain("lineItem", items[1].Keys);
        Assert.Equal(LtiConstants.ContentItemTypes.Link, items[1]["type"]);
        Assert.Equal(Video.Url, items[1]["url"]);
    }

    [Fact]
    public void Build_OnlyWindowAccepted_AsksForANewWindow()
    {
        var settings = Settings() with { AcceptPresentationDocumentTargets = [LtiConstants.DocumentTargets.Window] };

        var items = ContentItems.Build([Set], settings, "https://tool.example/lti/launch", new DeepLinkingOptions());

        Assert.True(items[0].ContainsKey(LtiConstants.DocumentTargets.Window));
        var lineItem = Assert.IsType<Dictionary<string, object?>>(items[0]["lineItem"]);
        Assert.Equal("fractions", lineItem["tag"]);
    }
}
