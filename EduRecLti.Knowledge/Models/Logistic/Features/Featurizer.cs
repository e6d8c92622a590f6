namespace EduRecLti.Knowledge.Models.Logistic.Features;

/// <summary>
/// Turns (student history, next item) into a sparse feature row. It reads only answers before the one being
/// predicted, so replaying a training sequence and following a live student produce the same rows.
/// </summary>
internal sealed class Featurizer
{
    private readonly FeatureTemplate _template;

    public Featurizer(FeatureTemplate template, int itemCount, int skillCount)
    {
        _template = template ?? throw new ArgumentNullException(nameof(template));
        Layout = new FeatureLayout(template, itemCount, skillCount);
    }

    public FeatureLayout Layout { get; }

    public StudentHistory NewHistory() =>
        new(Layout.SkillCount, _template.DecayedRates, keepTimeline: _template.TimeWindows.Count > 0);

    /// <summary>Writes the features of answering <paramref name="item"/> now; <paramref name="row"/> is cleared first.</summary>
    public void Write(StudentHistory history, int item, int[] skills, long timestamp, SparseRow row)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(row);
        row.Clear();
        row.Add(0, 1);
        var known = skills.Where(s => s >= 0 && s < Layout.SkillCount).Distinct().ToArray();
        WriteItem(history, item, row);
        foreach (var skill in known)
        {
            WriteSkill(history, skill, timestamp, row);
        }

        if (_template.TotalCounts)
        {
            row.Add(Layout.Totals, Scale(history.TotalWins));
            row.Add(Layout.Totals + 1, Scale(history.TotalAttempts));
        }

        if (_template.Recency && history.LastCorrect is { } last)
        {
            row.Add(Layout.Recency + (last ? 0 : 1), 1);
        }

        if (_template.SkillTransitions && history.LastCorrect is { } previous)
        {
            foreach (var from in history.LastSkills)
            {
                foreach (var to in known)
                {
                    row.Add(Layout.Transitions + (2 * ((from * Layout.SkillCount) + to)) + (previous ? 1 : 0), 1);
                }
            }
        }
    }

    private void WriteItem(StudentHistory history, int item, SparseRow row)
    {
        if (item < 0 || item >= Layout.ItemCount)
        {
            return;
        }

        if (_template.Items)
        {
            row.Add(Layout.Items + item, 1);
        }

        var record = history.Item(item);
        if (_template.ItemCounts)
        {
            row.Add(Layout.ItemWins, Scale(record.Wins));
            row.Add(Layout.ItemAttempts, Scale(record.Attempts));
        }

        if (_template.Recency && record.Attempts > 0)
        {
            row.Add(Layout.Recency + (record.LastCorrect ? 2 : 3), 1);
        }
    }

    private void WriteSkill(StudentHistory history, int skill, long timestamp, SparseRow row)
    {
        if (_template.Skills)
        {
            row.Add(Layout.Skills + skill, 1);
        }

        var wins = history.SkillWins(skill);
        var attempts = history.SkillAttempts(skill);
        if (_template.SkillWins)
        {
            row.Add(Layout.SkillWins + skill, Scale(wins));
        }

        if (_template.SkillFails)
        {
            row.Add(Layout.SkillFails + skill, Scale(attempts - wins));
        }

        if (_template.SkillAttempts)
        {
            row.Add(Layout.SkillAttempts + skill, Scale(attempts));
        }

        if (_template.Recency)
        {
            var recency = Layout.Recency + 4 + (4 * skill);
            if (history.LastOnSkill(skill) is { } last)
            {
                row.Add(recency + (last ? 0 : 1), 1);
            }

            if (history.SecondLastOnSkill(skill) is { } secondLast)
            {
                row.Add(recency + (secondLast ? 2 : 3), 1);
            }
        }

        for (var w = 0; w < _template.TimeWindows.Count; w++)
        {
            var (windowWins, windowAttempts) = history.CountSince(skill, timestamp - _template.TimeWindows[w]);
            var column = Layout.Windows + (2 * ((w * Layout.SkillCount) + skill));
            row.Add(column, Math.Log(1 + windowWins));
            row.Add(column + 1, Math.Log(1 + windowAttempts));
        }

        if (attempts > 0)
        {
            for (var r = 0; r < _template.DecayedRates.Count; r++)
            {
                // Centred so that an unseen skill (no column) sits between "always wrong" and "always right".
                row.Add(Layout.Decayed + (r * Layout.SkillCount) + skill, (2 * history.DecayedRate(r, skill)) - 1);
            }
        }
    }

    private double Scale(int count) => _template.Scale == CountScale.Log1p ? Math.Log(1 + count) : count;
}
