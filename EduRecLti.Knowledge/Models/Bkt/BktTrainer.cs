using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// Fits every skill's BKT independently (each skill is its own HMM) with several random restarts, keeping the
/// restart with the best final log-likelihood. Skills × restarts run in parallel; every restart draws its start
/// from its own seed, taken from the caller's Random in a fixed order, so the result does not depend on threads.
/// </summary>
internal static class BktTrainer
{
    /// <summary>One entry per skill id; null for skills without training rows.</summary>
    public static BktSkillParameters?[] Fit(ResponseDataset training, BktOptions options, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Restarts, 1);
        var sequences = SkillSequences.Build(training, options.SeparatesItems);
        var restarts = options.Restarts;
        var seeds = new int[sequences.Length * restarts];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = random.Next();
        }

        // Largest skills first so that the two cores finish together.
        var jobs = Enumerable.Range(0, seeds.Length)
            .Where(job => sequences[job / restarts].RowCount > 0)
            .OrderByDescending(job => sequences[job / restarts].RowCount)
            .ToArray();
        var fits = new (BktFitState State, double LogLikelihood)[seeds.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(jobs, parallel, job =>
        {
            var skill = job / restarts;
            var fixedParameters = options.FixedFor(skill);
            var state = BktEm.RandomStart(new Random(seeds[job]), options, fixedParameters, sequences[skill].ItemIds.Length);
            var trace = BktEm.Run(sequences[skill], state, options, fixedParameters, cancellationToken);
            fits[job] = (state, trace.Final);
        });

        var result = new BktSkillParameters?[sequences.Length];
        for (var skill = 0; skill < sequences.Length; skill++)
        {
            if (sequences[skill].RowCount == 0)
            {
                continue;
            }

            var best = skill * restarts;
            for (var job = best + 1; job < (skill + 1) * restarts; job++)
            {
                if (fits[job].LogLikelihood > fits[best].LogLikelihood)
                {
                    best = job;
                }
            }

            result[skill] = fits[best].State.ToParameters(sequences[skill], options.SeparatesItems);
        }

        return result;
    }
}
