namespace LtiTool.DeepLinking;

public enum DeepLinkOfferKind
{
    /// <summary>The recommendations panel, as one resource link for the whole class.</summary>
    PracticePanel,

    /// <summary>A tool-hosted practice set, gradable.</summary>
    PracticeSet,

    /// <summary>An outside resource from the catalogue, an ungraded link.</summary>
    ExternalResource,
}

/// <summary>
/// One choice of the picker. <see cref="Key"/> is what the form posts back; <see cref="StudentsHelped"/> counts the
/// students with a gap on the set's skill.
/// </summary>
public sealed record DeepLinkOffer(
    string Key,
    DeepLinkOfferKind Kind,
    string ContentItemType,
    string Title,
    string? Text,
    PracticeSetEntry? PracticeSet,
    ExternalResourceEntry? Resource,
    int StudentsHelped)
{
    public const string PanelKey = "panel";
    public const string PracticeSetKeyPrefix = "set:";
    public const string ResourceKeyPrefix = "link:";
}

/// <summary>What the picker offers for one deep-linking request, already filtered by what the platform accepts.</summary>
/// <param name="Offers">The panel first, then practice sets helping the most students first, then outside resources.</param>
/// <param name="ClassSize">Students on the roster, for "helps 4 of 25 students".</param>
/// <param name="Refused">What the catalogue has but the platform does not accept here (not shown; named in a note).</param>
public sealed record DeepLinkMenu(IReadOnlyList<DeepLinkOffer> Offers, int ClassSize, IReadOnlyList<DeepLinkOffer> Refused)
{
    public DeepLinkOffer? Find(string key) => Offers.FirstOrDefault(o => o.Key == key);

    public bool IsRefused(string key) => Refused.Any(o => o.Key == key);

    /// <summary>Content types left out because the platform does not accept them here.</summary>
    public IReadOnlyList<string> RefusedTypes => Refused.Select(o => o.ContentItemType).Distinct(StringComparer.Ordinal).ToList();
}
