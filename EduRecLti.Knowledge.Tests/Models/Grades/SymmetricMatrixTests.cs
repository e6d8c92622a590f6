using EduRecLti.Knowledge.Models.Grades;

namespace EduRecLti.Knowledge.Tests.Models.Grades;

public sealed class SymmetricMatrixTests
{
    [Fact]
    public void Solve_TwoByTwo_MatchesHandInverse()
    {
        // A = [[4, 2], [2, 3]], det 8, A⁻¹ = [[3, -2], [-2, 4]] / 8.
        var a = new SymmetricMatrix(2) { [0, 0] = 4, [1, 0] = 2, [1, 1] = 3 };
        var x = a.Solve([1, 2]);
        Assert.Equal(-1.0 / 8, x[0], 12);
        Assert.Equal(6.0 / 8, x[1], 12);
        Assert.Equal([3.0 / 8, 4.0 / 8], a.InverseDiagonal(), new ToleranceComparer(1e-12));
        Assert.Equal((3 - 4 + 4) / 8.0, a.InverseQuadraticForm([1, 1]), 12);
    }
}
