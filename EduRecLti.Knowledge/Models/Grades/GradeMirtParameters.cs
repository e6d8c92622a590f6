namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>Population parameters of <see cref="GradeMirtModel"/>: what a snapshot stores (no per-student state).</summary>
internal sealed class GradeMirtParameters
{
    public required GradeMirtOptions Options { get; init; }

    public required int SkillCount { get; init; }

    public required double GlobalBias { get; set; }

    public required double[] AssessmentBias { get; init; }

    /// <summary>Loadings of each assessment on the latent factors (rows of length <see cref="GradeMirtOptions.Factors"/>).</summary>
    public required double[][] AssessmentFactors { get; init; }

    /// <summary>The Q-matrix: skills of each assessment.</summary>
    public required int[][] AssessmentSkills { get; init; }

    public required double StudentBiasVariance { get; set; }

    public required double SkillVariance { get; set; }

    public required double FactorVariance { get; set; }

    public int Factors => Options.Factors;

    /// <summary>Bias, loadings and skills of an assessment; an unknown one gets the population mean (0) and the given skills.</summary>
    public (double Bias, double[] Loadings, int[] Skills) Assessment(int item, int[] skills) =>
        item >= 0 && item < AssessmentBias.Length
            ? (AssessmentBias[item], AssessmentFactors[item], AssessmentSkills[item].Length > 0 ? AssessmentSkills[item] : skills)
            : (0, new double[Factors], skills);

    /// <summary>Mean bias and loadings of the assessments that exercise <paramref name="skill"/>: the "typical assessment" of a skill.</summary>
    public (double Bias, double[] Loadings) TypicalAssessment(int skill)
    {
        var loadings = new double[Factors];
        var bias = 0.0;
        var count = 0;
        for (var j = 0; j < AssessmentSkills.Length; j++)
        {
            if (Array.IndexOf(AssessmentSkills[j], skill) < 0)
            {
                continue;
            }

            count++;
            bias += AssessmentBias[j];
            for (var f = 0; f < Factors; f++)
            {
                loadings[f] += AssessmentFactors[j][f];
            }
        }

        if (count == 0)
        {
            return (0, loadings);
        }

        for (var f = 0; f < Factors; f++)
        {
            loadings[f] /= count;
        }

        return (bias / count, loadings);
    }
}
