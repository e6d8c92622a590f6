namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>
/// A seeded partition of the training students into cross-fitting groups. Every population statistic a row's features
/// use (target encodings, Elo difficulties) is fitted on the other groups only, so no row sees its own label through
/// them; group 0 is also held out of the trees as the validation group (early stopping, intervals, calibration).
/// </summary>
internal static class StudentGroups
{
    public const int Validation = 0;

    public static int[] Assign(int students, int groups, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, students).ToArray();
        random.Shuffle(order);
        var group = new int[students];
        for (var i = 0; i < order.Length; i++)
        {
            group[order[i]] = i % groups;
        }

        return group;
    }
}
