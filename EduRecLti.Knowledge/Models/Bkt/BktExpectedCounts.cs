namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// Expected sufficient statistics of one skill's HMM from one E-step, kept per item so the M-step can pool them
/// for the skill-level values and read them per item for the shrunken item values.
/// </summary>
internal sealed class BktExpectedCounts(int itemCount)
{
    /// <summary>Expected count of the first state: [unknown, known].</summary>
    public double[] Initial { get; } = new double[2];

    /// <summary>Per item, expected transitions after answering it: [item·4 + from·2 + to] (0 = unknown, 1 = known).</summary>
    public double[] Transitions { get; } = new double[itemCount * 4];

    /// <summary>Per item, expected answers by state: [item·4 + state·2 + correct].</summary>
    public double[] Emissions { get; } = new double[itemCount * 4];

    public int ItemCount => itemCount;

    public void Clear()
    {
        Array.Clear(Initial);
        Array.Clear(Transitions);
        Array.Clear(Emissions);
    }
}
