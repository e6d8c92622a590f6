using LtiTool.Lti;
using LtiTool.Lti.Launch;

namespace LtiTool.DeepLinking;

/// <summary>
/// Turns chosen offers into content items (Deep Linking 2.0 §3.3 link, §3.4 ltiResourceLink). Practice sets carry a
/// gradebook column only when the platform accepts one; links never do (Blackboard grades only resource links,
/// reference ecosystem.md §2.3).
/// </summary>
public static class ContentItems
{
    /// <summary>Custom parameter naming the practice set a resource link opens (sent back in every launch of it, Core §5.4.6).</summary>
    public const string PracticeSetParameter = "practice_set";

    /// <summary>Custom parameter naming the skill a practice set trains.</summary>
    public const string SkillParameter = "skill";

    /// <summary>Custom parameter of the panel link, as the demo course's own panel link carries it.</summary>
    public const string PanelParameter = "panel";

    public static IReadOnlyList<Dictionary<string, object?>> Build(IReadOnlyList<DeepLinkOffer> offers, DeepLinkingRequest settings, string launchUrl, DeepLinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        return offers.Select(o => o.Kind switch
        {
            DeepLinkOfferKind.PracticePanel => ResourceLink(o, settings, launchUrl, new Dictionary<string, string> { [PanelParameter] = "practice" }, lineItem: null),
            DeepLinkOfferKind.PracticeSet => ResourceLink(o, settings, launchUrl,
                new Dictionary<string, string> { [PracticeSetParameter] = o.PracticeSet!.Id, [SkillParameter] = o.PracticeSet.SkillCode },
                settings.AcceptLineItem ? LineItem(o.PracticeSet, o.Title, options) : null),
            _ => Link(o, settings),
        }).ToList();
    }

    private static Dictionary<string, object?> ResourceLink(
        DeepLinkOffer offer, DeepLinkingRequest settings, string launchUrl, Dictionary<string, string> custom, Dictionary<string, object?>? lineItem)
    {
        var item = new Dictionary<string, object?>
        {
            ["type"] = LtiConstants.ContentItemTypes.LtiResourceLink,
            ["title"] = offer.Title,
            ["url"] = launchUrl,
            ["custom"] = custom,
        };
        AddText(item, offer.Text);
        AddPresentation(item, settings);
        if (lineItem is not null)
        {
            item["lineItem"] = lineItem;
        }

        return item;
    }

    /// <summary>The column the platform creates with the link (Deep Linking 2.0 §3.4.9; AGS 2.0 §3.2.7 resourceId, §3.2.8 tag).</summary>
    private static Dictionary<string, object?> LineItem(PracticeSetEntry set, string label, DeepLinkingOptions options) => new()
    {
        ["scoreMaximum"] = options.ScoreMaximum,
        ["label"] = label,
        ["resourceId"] = set.Id,
        ["tag"] = set.SkillCode,
    };

    private static Dictionary<string, object?> Link(DeepLinkOffer offer, DeepLinkingRequest settings)
    {
        var item = new Dictionary<string, object?>
        {
            ["type"] = LtiConstants.ContentItemTypes.Link,
            ["title"] = offer.Title,
            ["url"] = offer.Resource!.Url,
        };
        AddText(item, offer.Text);
        AddPresentation(item, settings);
        return item;
    }

    private static void AddText(Dictionary<string, object?> item, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            item["text"] = text;
        }
    }

    // The platform's default presentation is used when it accepts iframes (or names no target); a platform that
    // only opens windows is told to open a new one (§3.3 window, §4.4.1 accept_presentation_document_targets).
    private static void AddPresentation(Dictionary<string, object?> item, DeepLinkingRequest settings)
    {
        var targets = settings.AcceptPresentationDocumentTargets;
        if (targets.Count > 0 && !targets.Contains(LtiConstants.DocumentTargets.Iframe, StringComparer.Ordinal)
            && targets.Contains(LtiConstants.DocumentTargets.Window, StringComparer.Ordinal))
        {
            item[LtiConstants.DocumentTargets.Window] = new Dictionary<string, object?> { ["targetName"] = "_blank" };
        }
    }
}
