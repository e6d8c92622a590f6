namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>
/// Feature vectors with a target in [0,1], collected before training. A fractional target becomes two weighted rows
/// (right with weight s, wrong with weight 1 − s), so the binary log-loss is the cross-entropy of the proportion.
/// </summary>
internal sealed class TrainingRows(int featureCount)
{
    private readonly List<float[]> _features = [];
    private readonly List<double> _targets = [];

    public int FeatureCount { get; } = featureCount;

    public int Count => _features.Count;

    public IReadOnlyList<float[]> Features => _features;

    public IReadOnlyList<double> Targets => _targets;

    public void Add(float[] features, double target)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        }

        _features.Add(features);
        _targets.Add(Math.Clamp(target, 0, 1));
    }

    /// <summary>The same features with the target replaced by 1{target ≥ <paramref name="threshold"/>} (shares the feature arrays).</summary>
    public TrainingRows Thresholded(double threshold)
    {
        var rows = new TrainingRows(FeatureCount);
        for (var i = 0; i < _features.Count; i++)
        {
            rows.Add(_features[i], _targets[i] >= threshold ? 1 : 0);
        }

        return rows;
    }

    public IEnumerable<FeatureRow> Rows()
    {
        for (var i = 0; i < _features.Count; i++)
        {
            var target = _targets[i];
            if (target > 0)
            {
                yield return new FeatureRow { Features = _features[i], Label = true, Weight = (float)target };
            }

            if (target < 1)
            {
                yield return new FeatureRow { Features = _features[i], Label = false, Weight = (float)(1 - target) };
            }
        }
    }
}
