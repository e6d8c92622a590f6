namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// The E-step of Baum–Welch for the 2-state BKT HMM: a normalised forward filter, then the backward smoother
/// written on filtered probabilities (Rauch–Tung–Striebel form, as in pyBKT's E_step.cpp), so no scaling factors
/// are carried backwards and long sequences cannot underflow. Both states' probabilities are carried, never one as
/// 1 − the other (<see cref="BktBelief"/>).
/// </summary>
internal static class BktExpectationStep
{
    // Σ log c_t is accumulated as a running product and logged only when it gets small: one Math.Log per ~600
    // rows instead of per row, which is most of the E-step's cost otherwise.
    private const double LogFlushThreshold = 1e-280;

    /// <summary>Fills <paramref name="counts"/> and returns the log-likelihood of all sequences.</summary>
    /// <param name="filtered">Scratch of at least <see cref="SkillSequences.RowCount"/>: the belief given the answers up to t.</param>
    public static double Run(SkillSequences data, double prior, BktStepParameters[] steps, BktExpectedCounts counts, BktBelief[] filtered)
    {
        counts.Clear();
        var logLikelihood = 0.0;
        var starts = data.Starts;
        for (var sequence = 0; sequence < data.SequenceCount; sequence++)
        {
            var first = starts[sequence];
            var end = starts[sequence + 1];
            logLikelihood += Forward(data, first, end, prior, steps, filtered);
            Backward(data, first, end, steps, counts, filtered);
        }

        return logLikelihood;
    }

    private static double Forward(SkillSequences data, int first, int end, double prior, BktStepParameters[] steps, BktBelief[] filtered)
    {
        var correct = data.Correct;
        var items = data.LocalItems;
        var belief = BktBelief.FromPrior(prior);
        var logLikelihood = 0.0;
        var evidenceProduct = 1.0;
        for (var row = first; row < end; row++)
        {
            var step = steps[items[row]];
            var posterior = step.Posterior(belief, correct[row], out var evidence);
            filtered[row] = posterior;
            evidenceProduct *= evidence;
            if (evidenceProduct < LogFlushThreshold)
            {
                logLikelihood += Math.Log(evidenceProduct);
                evidenceProduct = 1.0;
            }

            belief = step.Transition(posterior);
        }

        return logLikelihood + Math.Log(evidenceProduct);
    }

    private static void Backward(SkillSequences data, int first, int end, BktStepParameters[] steps, BktExpectedCounts counts, BktBelief[] filtered)
    {
        var correct = data.Correct;
        var items = data.LocalItems;
        var transitions = counts.Transitions;
        var emissions = counts.Emissions;

        var last = end - 1;
        var smoothed = filtered[last];
        AddEmission(emissions, items[last], correct[last], smoothed);
        for (var row = last - 1; row >= first; row--)
        {
            var step = steps[items[row]];
            var (unknown, known) = filtered[row];
            var predicted = step.Transition(filtered[row]);
            var ratioKnown = predicted.Known > 0 ? smoothed.Known / predicted.Known : 0;
            var ratioUnknown = predicted.Unknown > 0 ? smoothed.Unknown / predicted.Unknown : 0;

            var stay0 = unknown * (1 - step.Learn) * ratioUnknown;
            var learn = unknown * step.Learn * ratioKnown;
            var forget = known * step.Forget * ratioUnknown;
            var stay1 = known * (1 - step.Forget) * ratioKnown;

            var offset = items[row] * 4;
            transitions[offset] += stay0;
            transitions[offset + 1] += learn;
            transitions[offset + 2] += forget;
            transitions[offset + 3] += stay1;

            smoothed = new BktBelief(stay0 + learn, forget + stay1);
            AddEmission(emissions, items[row], correct[row], smoothed);
        }

        counts.Initial[0] += smoothed.Unknown;
        counts.Initial[1] += smoothed.Known;
    }

    private static void AddEmission(double[] emissions, int item, bool correct, BktBelief smoothed)
    {
        var offset = (item * 4) + (correct ? 1 : 0);
        emissions[offset] += smoothed.Unknown;
        emissions[offset + 2] += smoothed.Known;
    }
}
