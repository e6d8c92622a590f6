using LtiTool.Lti;
using LtiTool.Lti.Launch;

namespace LtiTool.DeepLinking;

/// <summary>
/// Checks the picker's post against the request's settings, in order, each step rejecting with its own id. The picker
/// never offers what these refuse, so a refusal means a tampered or stale form (Deep Linking 2.0 §4.4.1).
/// </summary>
public static class DeepLinkSelection
{
    private delegate LtiError? Step(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options);

    private static readonly Step[] Steps = [CheckSomethingSelected, CheckItemLimit, CheckMultipleAccepted, CheckItemsOffered, CheckTypesAccepted];

    /// <summary>The chosen offers, or the first rule they break.</summary>
    public static (IReadOnlyList<DeepLinkOffer> Offers, LtiError? Error) Resolve(
        IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(menu);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        foreach (var step in Steps)
        {
            if (step(distinct, settings, menu, options) is { } error)
            {
                return ([], error);
            }
        }

        return (distinct.Select(k => menu.Find(k)!).ToList(), null);
    }

    private static LtiError? CheckSomethingSelected(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options) =>
        keys.Count == 0 ? LtiErrors.DeepLinkNothingSelected : null;

    private static LtiError? CheckItemLimit(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options) =>
        keys.Count > options.MaxItems ? LtiErrors.DeepLinkTooManyItems : null;

    // Canvas's assignment_selection and link_selection take one item per return (reference ecosystem.md §2.3).
    private static LtiError? CheckMultipleAccepted(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options) =>
        keys.Count > 1 && !settings.AcceptMultiple ? LtiErrors.DeepLinkMultipleNotAccepted : null;

    private static LtiError? CheckItemsOffered(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options) =>
        keys.Any(k => menu.Find(k) is null && !menu.IsRefused(k)) ? LtiErrors.DeepLinkItemUnknown : null;

    private static LtiError? CheckTypesAccepted(IReadOnlyList<string> keys, DeepLinkingRequest settings, DeepLinkMenu menu, DeepLinkingOptions options) =>
        keys.Any(menu.IsRefused) ? LtiErrors.DeepLinkTypeNotAccepted : null;
}
