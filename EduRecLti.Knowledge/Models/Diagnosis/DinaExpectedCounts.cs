namespace EduRecLti.Knowledge.Models.Diagnosis;

/// <summary>Expected sufficient statistics of one EM iteration: per item, trials and successes split by ideal response.</summary>
internal sealed class DinaExpectedCounts(int itemCount, int classCount)
{
    public double[] CapableTrials { get; } = new double[itemCount];

    public double[] CapableSuccesses { get; } = new double[itemCount];

    public double[] NotCapableTrials { get; } = new double[itemCount];

    public double[] NotCapableSuccesses { get; } = new double[itemCount];

    public double[] Class { get; } = new double[classCount];

    public void Add(int item, double capableShare, double score)
    {
        CapableTrials[item] += capableShare;
        CapableSuccesses[item] += capableShare * score;
        NotCapableTrials[item] += 1 - capableShare;
        NotCapableSuccesses[item] += (1 - capableShare) * score;
    }
}
