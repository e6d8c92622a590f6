using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// One student under a fitted <see cref="GradeMirtModel"/>: every observation refits the student's own parameters
/// (a few Newton steps; the population stays fixed), so fold-in of a new student needs no refit of the model.
/// </summary>
internal sealed class GradeStudentKnowledge(GradeMirtParameters parameters, StudentPosterior posterior) : IStudentKnowledge
{
    /// <summary>Two-sided 95% normal quantile for the Laplace credible interval.</summary>
    private const double Z95 = 1.959964;

    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        var (bias, loadings, itemSkills) = parameters.Assessment(item, skills);
        var (mean, variance) = posterior.Predictor(bias, loadings, itemSkills);
        return parameters.Options.PosteriorPredictive
            ? Logistic.Sigmoid(mean / Math.Sqrt(1 + (Math.PI * variance / 8)))
            : Logistic.Sigmoid(mean);
    }

    public void Observe(in Observation observation)
    {
        posterior.Add(observation.Item, observation.Skills, 1, observation.Score);
        posterior.Refit();
    }

    /// <summary>
    /// Expected score on a typical assessment of the skill (mean bias and loadings of the assessments that exercise
    /// it, with only this skill's ability), with a 95% Laplace interval: the linear predictor is Gaussian with the
    /// variance from the inverse Hessian of the student's parameters (population parameters treated as known), mapped
    /// through the logistic function.
    /// </summary>
    public SkillMastery Mastery(int skill)
    {
        var (bias, loadings) = parameters.TypicalAssessment(skill);
        var (mean, variance) = posterior.Predictor(bias, loadings, [skill]);
        var sd = Math.Sqrt(variance);
        return new SkillMastery(
            Logistic.Sigmoid(mean),
            Logistic.Sigmoid(mean - (Z95 * sd)),
            Logistic.Sigmoid(mean + (Z95 * sd)),
            posterior.SkillEvidence(skill));
    }
}
