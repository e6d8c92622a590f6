using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Tests.Evaluation;

public sealed class CalibrationTableTests
{
    [Fact]
    public void Compute_Predictions_FallIntoTenthsWithMeans()
    {
        var table = CalibrationTable.Compute([0.05, 0.15, 0.12, 1.0, 0.95], [0, 1, 0, 1, 0]);

        Assert.Equal(10, table.Count);
        Assert.Equal(1, table[0].Count);
        Assert.Equal(2, table[1].Count);
        Assert.Equal(0.135, table[1].MeanPredicted, 12);
        Assert.Equal(0.5, table[1].ObservedRate, 12);
        Assert.Equal(2, table[9].Count);
        Assert.Equal(0.5, table[9].ObservedRate, 12);
        Assert.Equal(0, table[5].Count);
        Assert.True(double.IsNaN(table[5].MeanPredicted));
    }
}
