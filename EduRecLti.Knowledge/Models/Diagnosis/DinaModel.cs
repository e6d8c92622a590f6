using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Selection;

namespace EduRecLti.Knowledge.Models.Diagnosis;

/// <summary>
/// DINA (or DINO) cognitive diagnosis: each student is in one of 2^K mastery classes; an item is answered right with
/// probability 1 − slip when the class has the skills the Q-matrix requires, and guess otherwise (Junker &amp; Sijtsma
/// 2001). Fitted by EM over the latent classes (de la Torre 2009) with Beta/Dirichlet MAP smoothing.
/// Fractional scores enter as fractional Bernoulli outcomes.
/// </summary>
public sealed class DinaModel(string name, DinaOptions options) : IKnowledgeModel, IApplicabilityCheck
{
    public const int FormatVersion = 1;

    private DinaParameters? _parameters;
    private IReadOnlyList<IReadOnlyList<Observation>> _trainingStudents = [];

    public DinaModel()
        : this("dina", new DinaOptions())
    {
    }

    public string Name { get; } = name;

    public DinaOptions Options { get; } = options;

    /// <summary>Log-posterior (log-likelihood + log-prior) before each M-step of the last fit; EM keeps it non-decreasing.</summary>
    public IReadOnlyList<double> ObjectiveTrace { get; private set; } = [];

    public string? RejectionReason(ResponseDataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training.SkillCount > Options.MaxSkills
            ? $"DINA enumerates 2^K latent classes; {training.SkillCount} skills exceed {Options.MaxSkills}."
            : null;
    }

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        if (RejectionReason(training) is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        var parameters = Initialise(training);
        _parameters = parameters;
        _trainingStudents = training.Students;
        var trace = new List<double>();
        var itemMasks = parameters.ItemSkills.Select((_, j) => parameters.SkillMask(j, [])).ToArray();
        for (var iteration = 0; iteration < Options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var counts = new DinaExpectedCounts(parameters.Slip.Length, parameters.ClassCount);
            var objective = ExpectationStep(parameters, training, itemMasks, counts) + LogPrior(parameters);
            trace.Add(objective);
            MaximisationStep(parameters, counts, training.Students.Count);
            if (trace.Count > 1 && objective - trace[^2] < Options.Tolerance)
            {
                break;
            }
        }

        ObjectiveTrace = trace;
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("Fit or Restore the model first.");
        var knowledge = new DinaStudentKnowledge(parameters);
        if (student is { } index)
        {
            if (index < 0 || index >= _trainingStudents.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(student), "Only students of the last Fit are known; use null to fold in.");
            }

            foreach (var observation in _trainingStudents[index])
            {
                knowledge.Observe(observation);
            }
        }

        return knowledge;
    }

    public ModelSnapshot Snapshot() => JsonSnapshots.Write(Name, FormatVersion, _parameters);

    public void Restore(ModelSnapshot snapshot)
    {
        _parameters = JsonSnapshots.Read<DinaParameters>(snapshot, FormatVersion);
        _trainingStudents = [];
    }

    internal DinaParameters Parameters => _parameters ?? throw new InvalidOperationException("Fit the model first.");

    private DinaParameters Initialise(ResponseDataset training)
    {
        var itemSkills = new int[training.ItemCount][];
        foreach (var observation in training.Students.SelectMany(s => s))
        {
            itemSkills[observation.Item] ??= observation.Skills;
        }

        var classCount = 1 << training.SkillCount;
        return new DinaParameters
        {
            Options = Options,
            SkillCount = training.SkillCount,
            ItemSkills = [.. itemSkills.Select((s, j) => training.ItemSkills?[j] ?? s ?? [])],
            // A common neutral start (de la Torre 2009 uses 0.2); EM from a fixed start needs no random restarts here.
            Slip = Enumerable.Repeat(0.2, training.ItemCount).ToArray(),
            Guess = Enumerable.Repeat(0.2, training.ItemCount).ToArray(),
            ClassLogPrior = Enumerable.Repeat(-Math.Log(classCount), classCount).ToArray(),
        };
    }

    /// <summary>Accumulates expected counts under the current parameters; returns the marginal log-likelihood.</summary>
    private static double ExpectationStep(DinaParameters parameters, ResponseDataset training, int[] itemMasks, DinaExpectedCounts counts)
    {
        var logLikelihood = 0.0;
        var posterior = new double[parameters.ClassCount];
        foreach (var student in training.Students)
        {
            Array.Copy(parameters.ClassLogPrior, posterior, posterior.Length);
            foreach (var observation in student)
            {
                var (capable, notCapable) = parameters.CorrectProbabilities(observation.Item);
                var y = observation.Score;
                var logCapable = (y * Math.Log(capable)) + ((1 - y) * Math.Log(1 - capable));
                var logNotCapable = (y * Math.Log(notCapable)) + ((1 - y) * Math.Log(1 - notCapable));
                var mask = itemMasks[observation.Item];
                for (var c = 0; c < posterior.Length; c++)
                {
                    posterior[c] += parameters.Capable(c, mask) ? logCapable : logNotCapable;
                }
            }

            var max = posterior.Max();
            var total = 0.0;
            for (var c = 0; c < posterior.Length; c++)
            {
                posterior[c] = Math.Exp(posterior[c] - max);
                total += posterior[c];
            }

            logLikelihood += max + Math.Log(total);
            for (var c = 0; c < posterior.Length; c++)
            {
                posterior[c] /= total;
                counts.Class[c] += posterior[c];
            }

            foreach (var observation in student)
            {
                var mask = itemMasks[observation.Item];
                var capableShare = 0.0;
                for (var c = 0; c < posterior.Length; c++)
                {
                    if (parameters.Capable(c, mask))
                    {
                        capableShare += posterior[c];
                    }
                }

                counts.Add(observation.Item, capableShare, observation.Score);
            }
        }

        return logLikelihood;
    }

    private void MaximisationStep(DinaParameters parameters, DinaExpectedCounts counts, int studentCount)
    {
        var a = Options.SlipGuessPseudoCount;
        for (var j = 0; j < parameters.Slip.Length; j++)
        {
            parameters.Slip[j] = (counts.CapableTrials[j] - counts.CapableSuccesses[j] + a) / (counts.CapableTrials[j] + (2 * a));
            parameters.Guess[j] = (counts.NotCapableSuccesses[j] + a) / (counts.NotCapableTrials[j] + (2 * a));
        }

        var classCount = parameters.ClassCount;
        var denominator = studentCount + (classCount * Options.ClassPseudoCount);
        for (var c = 0; c < classCount; c++)
        {
            parameters.ClassLogPrior[c] = Math.Log((counts.Class[c] + Options.ClassPseudoCount) / denominator);
        }
    }

    /// <summary>Log of the Beta(1+a, 1+a) and Dirichlet(1+c) priors (up to constants) that the M-step maximises.</summary>
    private double LogPrior(DinaParameters parameters)
    {
        var a = Options.SlipGuessPseudoCount;
        var total = 0.0;
        for (var j = 0; j < parameters.Slip.Length; j++)
        {
            total += a * (Math.Log(parameters.Slip[j]) + Math.Log(1 - parameters.Slip[j]) + Math.Log(parameters.Guess[j]) + Math.Log(1 - parameters.Guess[j]));
        }

        return total + (Options.ClassPseudoCount * parameters.ClassLogPrior.Sum());
    }
}
