namespace LtiTool.Demo;

/// <summary>A gradebook column (AGS 2.0 §3.2). <see cref="ResourceLinkId"/> ties it to a resource link.</summary>
/// <param name="ToolOwned">
/// Created by the tool (through AGS or a deep link) or the tool's own activity. Real platforms show a tool only these
/// (reference gradebook-exports.md §5); the course's own assignments are not.
/// </param>
public sealed record DemoLineItem(string Id, string Label, double ScoreMaximum, string ResourceId, string Tag, string? ResourceLinkId, bool ToolOwned = true);

/// <summary>The latest score of one user on one line item, scaled to the line item's maximum as Moodle stores it (AGS 2.0 §3.3).</summary>
public sealed record DemoResult(string UserId, double? ResultScore, double ResultMaximum, string? Comment, DateTimeOffset Timestamp);

/// <summary>A score as the tool posts it (AGS 2.0 §3.4).</summary>
public sealed record DemoScore(
    string UserId, double? ScoreGiven, double? ScoreMaximum, string? Comment, DateTimeOffset Timestamp, string ActivityProgress, string GradingProgress);

public enum DemoScoreOutcome
{
    Stored,

    /// <summary>The timestamp is not after the stored one: Moodle answers 409 Conflict.</summary>
    NotNewer,

    UnknownLineItem,
}

/// <summary>
/// The demo course's gradebook and resource links, in memory: seeded from <see cref="DemoCourse"/>, changed by the
/// tool through AGS (line items, scores) and by deep linking (new resource links). Thread-safe. As on Moodle, Canvas,
/// Blackboard Learn and Brightspace, the tool sees and writes only its own line items (<see cref="LineItems"/>);
/// the seeded assignments stay in the LMS's gradebook (<see cref="AllLineItems"/>, its page and its CSV export)
/// unless <see cref="DemoOptions.ShowAllLineItems"/> is set.
/// </summary>
public sealed class DemoGradebook
{
    private readonly bool _showAll;
    private readonly Lock _gate = new();
    private readonly List<DemoLineItem> _lineItems = [];
    private readonly Dictionary<(string LineItemId, string UserId), DemoResult> _results = [];
    private readonly List<DemoResourceLink> _resourceLinks = [];
    private int _nextLineItemId = 100;
    private int _nextResourceLinkId = 2;

    public DemoGradebook(DemoCourse course, Microsoft.Extensions.Options.IOptions<DemoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(options);
        _showAll = options.Value.ShowAllLineItems;
        _resourceLinks.Add(course.PracticePanel);
        _lineItems.Add(new DemoLineItem(DemoCourse.PracticePanelLineItemId, course.PracticePanel.Title, 100, string.Empty, string.Empty, DemoCourse.PracticePanelLinkId));
        foreach (var a in course.Assignments)
        {
            _lineItems.Add(new DemoLineItem(a.LineItemId, a.Label, a.ScoreMaximum, a.ResourceId, a.SkillCode, ResourceLinkId: null, ToolOwned: false));
        }

        foreach (var s in course.Scores)
        {
            var maximum = course.Assignments.First(a => a.LineItemId == s.LineItemId).ScoreMaximum;
            _results[(s.LineItemId, s.UserId)] = new DemoResult(s.UserId, s.Score, maximum, Comment: null, s.SubmittedAt);
        }
    }

    /// <summary>The line items the tool sees through AGS: its own, or every one with <see cref="DemoOptions.ShowAllLineItems"/>.</summary>
    public IReadOnlyList<DemoLineItem> LineItems
    {
        get
        {
            lock (_gate)
            {
                return _lineItems.Where(VisibleToTool).ToArray();
            }
        }
    }

    /// <summary>Every column of the course's gradebook, as the LMS's own gradebook page and export show them.</summary>
    public IReadOnlyList<DemoLineItem> AllLineItems
    {
        get
        {
            lock (_gate)
            {
                return [.. _lineItems];
            }
        }
    }

    public IReadOnlyList<DemoResourceLink> ResourceLinks
    {
        get
        {
            lock (_gate)
            {
                return [.. _resourceLinks];
            }
        }
    }

    /// <summary>A line item the tool may read and write; null for one that does not exist or is not the tool's.</summary>
    public DemoLineItem? FindLineItem(string id)
    {
        lock (_gate)
        {
            return _lineItems.FirstOrDefault(l => l.Id == id && VisibleToTool(l));
        }
    }

    public DemoResourceLink? FindResourceLink(string id)
    {
        lock (_gate)
        {
            return _resourceLinks.FirstOrDefault(l => l.Id == id);
        }
    }

    /// <summary>The line item of a resource link: the one the AGS claim's <c>lineitem</c> names at launch.</summary>
    public DemoLineItem? LineItemOfLink(string resourceLinkId)
    {
        lock (_gate)
        {
            return _lineItems.FirstOrDefault(l => l.ResourceLinkId == resourceLinkId);
        }
    }

    public DemoLineItem AddLineItem(string label, double scoreMaximum, string? resourceId, string? tag, string? resourceLinkId)
    {
        lock (_gate)
        {
            var item = new DemoLineItem((_nextLineItemId++).ToString(System.Globalization.CultureInfo.InvariantCulture), label, scoreMaximum, resourceId ?? string.Empty, tag ?? string.Empty, resourceLinkId);
            _lineItems.Add(item);
            return item;
        }
    }

    public bool ReplaceLineItem(DemoLineItem item)
    {
        lock (_gate)
        {
            var index = _lineItems.FindIndex(l => l.Id == item.Id && VisibleToTool(l));
            if (index < 0)
            {
                return false;
            }

            _lineItems[index] = item;
            return true;
        }
    }

    public bool DeleteLineItem(string id)
    {
        lock (_gate)
        {
            var removed = _lineItems.RemoveAll(l => l.Id == id && VisibleToTool(l)) > 0;
            foreach (var key in _results.Keys.Where(k => k.LineItemId == id).ToArray())
            {
                _results.Remove(key);
            }

            return removed;
        }
    }

    public DemoResourceLink AddResourceLink(string title, string? text, string? url, IReadOnlyDictionary<string, string> custom)
    {
        lock (_gate)
        {
            var link = new DemoResourceLink((_nextResourceLinkId++).ToString(System.Globalization.CultureInfo.InvariantCulture), title, text, url, custom);
            _resourceLinks.Add(link);
            return link;
        }
    }

    /// <summary>Results of a line item in user order; users without a result have not been graded.</summary>
    public IReadOnlyList<DemoResult> ResultsOf(string lineItemId)
    {
        lock (_gate)
        {
            return _results.Where(r => r.Key.LineItemId == lineItemId)
                .Select(r => r.Value)
                .OrderBy(r => int.TryParse(r.UserId, out var n) ? n : int.MaxValue)
                .ThenBy(r => r.UserId, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>
    /// Records a score as Moodle does: a score whose timestamp is not after the stored one is refused (409), so a
    /// retried POST with the same timestamp cannot count twice. A score that is not FullyGraded keeps no grade (AGS 2.0 §3.4.6).
    /// </summary>
    public DemoScoreOutcome RecordScore(string lineItemId, DemoScore score)
    {
        lock (_gate)
        {
            var item = _lineItems.FirstOrDefault(l => l.Id == lineItemId && VisibleToTool(l));
            if (item is null)
            {
                return DemoScoreOutcome.UnknownLineItem;
            }

            if (_results.TryGetValue((lineItemId, score.UserId), out var existing) && score.Timestamp <= existing.Timestamp)
            {
                return DemoScoreOutcome.NotNewer;
            }

            double? scaled = score is { GradingProgress: DemoSpecNames.FullyGraded, ScoreGiven: { } given, ScoreMaximum: > 0 and var maximum }
                ? given / maximum * item.ScoreMaximum
                : null;
            _results[(lineItemId, score.UserId)] = new DemoResult(score.UserId, scaled, item.ScoreMaximum, score.Comment, score.Timestamp);
            return DemoScoreOutcome.Stored;
        }
    }

    private bool VisibleToTool(DemoLineItem item) => item.ToolOwned || _showAll;
}
