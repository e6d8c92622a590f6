using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// One student under a fitted <see cref="GradeMirtModel"/>: observations accumulate and the student's own parameters
/// are refitted (a few Newton steps, population fixed) before the next prediction, so fold-in of a new student needs
/// no refit of the model and a burst of answers costs one fit.
/// </summary>
internal sealed class GradeStudentKnowledge(GradeMirtParameters parameters, StudentPosterior posterior) : IStudentKnowledge, ISkillScoreForecast
{
    /// <summary>Two-sided 95% normal quantile for the Laplace credible interval.</summary>
    private const double Z95 = 1.959964;

    /// <summary>Success probability; when answers pool by skill, the mean over the item's skills.</summary>
    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        posterior.RefitIfStale();
        var assessments = parameters.AssessmentsOf(item, skills).ToList();
        return assessments.Count == 0 ? Expected(-1, []) : assessments.Average(a => Expected(a.Assessment, a.Skills));
    }

    /// <summary>Expected score on a coming assessment of the skill (not a specific item, as the grade recipe requires).</summary>
    public double ForecastSkillScore(int skill, long timestamp)
    {
        posterior.RefitIfStale();
        return parameters.Options.PoolBySkill ? Expected(skill, [skill]) : Expected(-1, [skill]);
    }

    public void Observe(in Observation observation) => posterior.Add(observation);

    /// <summary>
    /// Expected score on a typical assessment of the skill (mean bias and loadings of the assessments that exercise
    /// it, with only this skill's ability), with a 95% Laplace interval: the linear predictor is Gaussian with the
    /// variance from the inverse Hessian of the student's parameters (population parameters treated as known), mapped
    /// through the logistic function.
    /// </summary>
    public SkillMastery Mastery(int skill)
    {
        posterior.RefitIfStale();
        var (bias, loadings) = parameters.TypicalAssessment(skill);
        var (mean, variance) = posterior.Predictor(bias, loadings, [skill]);
        var sd = Math.Sqrt(variance);
        return new SkillMastery(
            Logistic.Sigmoid(mean),
            Logistic.Sigmoid(mean - (Z95 * sd)),
            Logistic.Sigmoid(mean + (Z95 * sd)),
            posterior.SkillEvidence(skill));
    }

    /// <summary>Posterior predictive σ(μ/√(1+πσ²/8)) (MacKay 1992) or the plug-in σ(μ), per the options.</summary>
    private double Expected(int assessment, int[] skills)
    {
        var (bias, loadings, assessmentSkills) = parameters.Assessment(assessment, skills);
        var (mean, variance) = posterior.Predictor(bias, loadings, assessmentSkills);
        return parameters.Options.PosteriorPredictive
            ? Logistic.Sigmoid(mean / Math.Sqrt(1 + (Math.PI * variance / 8)))
            : Logistic.Sigmoid(mean);
    }
}
