namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>Population parameters of <see cref="GradeMirtModel"/>: what a snapshot stores (no per-student state).</summary>
internal sealed class GradeMirtParameters
{
    private (double Bias, double[] Loadings)?[]? _typical;

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

    /// <summary>The assessments an answer counts toward: its item, or each of its skills under <see cref="GradeMirtOptions.PoolBySkill"/>.</summary>
    public IEnumerable<(int Assessment, int[] Skills)> AssessmentsOf(int item, int[] skills) =>
        Options.PoolBySkill ? skills.Distinct().Select(k => (k, new[] { k })) : [(item, skills)];

    /// <summary>
    /// Bias, loadings and skills of an assessment. An unknown one (e.g. a new assignment, or "any item of these skills")
    /// gets the mean of the typical assessments of its skills, so it is as hard as what the population saw on them.
    /// </summary>
    public (double Bias, double[] Loadings, int[] Skills) Assessment(int item, int[] skills)
    {
        if (item >= 0 && item < AssessmentBias.Length)
        {
            return (AssessmentBias[item], AssessmentFactors[item], AssessmentSkills[item].Length > 0 ? AssessmentSkills[item] : skills);
        }

        var loadings = new double[Factors];
        if (skills.Length == 0)
        {
            return (0, loadings, skills);
        }

        var bias = 0.0;
        foreach (var skill in skills)
        {
            var typical = TypicalAssessment(skill);
            bias += typical.Bias / skills.Length;
            for (var f = 0; f < Factors; f++)
            {
                loadings[f] += typical.Loadings[f] / skills.Length;
            }
        }

        return (bias, loadings, skills);
    }

    /// <summary>Mean bias and loadings of the assessments that exercise <paramref name="skill"/>: the "typical assessment" of a skill.</summary>
    public (double Bias, double[] Loadings) TypicalAssessment(int skill)
    {
        _typical ??= new (double, double[])?[SkillCount];
        if (skill < 0 || skill >= SkillCount)
        {
            return (0, new double[Factors]);
        }

        return _typical[skill] ??= ComputeTypicalAssessment(skill);
    }

    /// <summary>Forgets cached per-skill summaries after the assessment parameters change.</summary>
    public void InvalidateTypicalAssessments() => _typical = null;

    private (double Bias, double[] Loadings) ComputeTypicalAssessment(int skill)
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
