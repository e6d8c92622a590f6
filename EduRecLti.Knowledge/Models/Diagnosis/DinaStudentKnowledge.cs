using EduRecLti.Knowledge.Core;
using MathNet.Numerics.Distributions;

namespace EduRecLti.Knowledge.Models.Diagnosis;

/// <summary>One student's posterior over the 2^K latent classes; every answer is an exact Bayes update.</summary>
internal sealed class DinaStudentKnowledge : IStudentKnowledge
{
    private readonly DinaParameters _parameters;
    private readonly double[] _logPosterior;
    private readonly int[] _evidence;

    public DinaStudentKnowledge(DinaParameters parameters)
    {
        _parameters = parameters;
        _logPosterior = (double[])parameters.ClassLogPrior.Clone();
        _evidence = new int[parameters.SkillCount];
    }

    /// <summary>Normalised posterior over latent classes.</summary>
    public double[] Posterior()
    {
        var max = _logPosterior.Max();
        var posterior = _logPosterior.Select(l => Math.Exp(l - max)).ToArray();
        var total = posterior.Sum();
        for (var c = 0; c < posterior.Length; c++)
        {
            posterior[c] /= total;
        }

        return posterior;
    }

    /// <summary>Posterior predictive: Σ_c P(c | answers) P(correct | c, item).</summary>
    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        var mask = _parameters.SkillMask(item, skills);
        var (capable, notCapable) = _parameters.CorrectProbabilities(item);
        var posterior = Posterior();
        var p = 0.0;
        for (var c = 0; c < posterior.Length; c++)
        {
            p += posterior[c] * (_parameters.Capable(c, mask) ? capable : notCapable);
        }

        return p;
    }

    public void Observe(in Observation observation)
    {
        var mask = _parameters.SkillMask(observation.Item, observation.Skills);
        var (capable, notCapable) = _parameters.CorrectProbabilities(observation.Item);
        var y = observation.Score;
        var logCapable = (y * Math.Log(capable)) + ((1 - y) * Math.Log(1 - capable));
        var logNotCapable = (y * Math.Log(notCapable)) + ((1 - y) * Math.Log(1 - notCapable));
        for (var c = 0; c < _logPosterior.Length; c++)
        {
            _logPosterior[c] += _parameters.Capable(c, mask) ? logCapable : logNotCapable;
        }

        for (var k = 0; k < _evidence.Length; k++)
        {
            if ((mask & (1 << k)) != 0)
            {
                _evidence[k]++;
            }
        }
    }

    /// <summary>
    /// Estimate = posterior marginal P(α_k = 1). The attribute is binary, so its "interval" is a display interval:
    /// the central 95% of a Beta with that mean and a pseudo-sample size of (answers on items needing the skill + 2),
    /// which narrows as evidence accumulates. Documented as a heuristic, not a parameter-uncertainty interval.
    /// </summary>
    public SkillMastery Mastery(int skill)
    {
        if (skill < 0 || skill >= _parameters.SkillCount)
        {
            return new SkillMastery(0.5, 0.025, 0.975, 0);
        }

        var posterior = Posterior();
        var estimate = 0.0;
        for (var c = 0; c < posterior.Length; c++)
        {
            if ((c & (1 << skill)) != 0)
            {
                estimate += posterior[c];
            }
        }

        var size = _evidence[skill] + 2.0;
        var a = Math.Max(estimate * size, 1e-3);
        var b = Math.Max((1 - estimate) * size, 1e-3);
        return new SkillMastery(estimate, Beta.InvCDF(a, b, 0.025), Beta.InvCDF(a, b, 0.975), _evidence[skill]);
    }
}
