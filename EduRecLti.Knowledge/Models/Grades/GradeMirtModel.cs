using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Selection;

namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// Grade-level model: binomial-logit matrix factorisation with student and assessment biases and the Q-matrix as side
/// information, i.e. compensatory multidimensional IRT (Reckase 2009) with optional extra latent factors
/// (logistic MF, Koren et al. 2009): logit p_uj = b + b_u + b_j + Σ_k q_jk θ_uk + p_u·v_j.
/// Repeated observations of one (student, assessment) pool into one binomial cell, so item-level answers grouped by
/// assignment and fractional assignment scores use the same likelihood. Fitted by regularised MAP with alternating
/// Newton blocks (students, then assessments), which is deterministic for a seed (the seed only initialises v_j).
/// </summary>
public sealed class GradeMirtModel(string name, GradeMirtOptions options) : IKnowledgeModel
{
    /// <summary>Snapshot layout version; bump when <see cref="GradeMirtParameters"/> changes shape.</summary>
    public const int FormatVersion = 1;

    private GradeMirtParameters? _parameters;
    private IReadOnlyList<IReadOnlyList<Observation>> _trainingStudents = [];

    public GradeMirtModel()
        : this("grade-mirt", new GradeMirtOptions())
    {
    }

    public string Name { get; } = name;

    public GradeMirtOptions Options { get; } = options;

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(random);
        var parameters = Initialise(training, random);
        _parameters = parameters;
        _trainingStudents = training.Students;
        var students = training.Students.Select(s => FoldIn(parameters, s)).ToList();
        for (var sweep = 0; sweep < Options.MaxSweeps; sweep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var student in students)
            {
                student.Refit();
            }

            if (Options.EstimatePriors)
            {
                EstimatePriors(parameters, students);
            }

            var change = FitAssessments(parameters, students);
            parameters.InvalidateTypicalAssessments();
            if (change < Options.Tolerance)
            {
                break;
            }
        }
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("Fit or Restore the model first.");
        if (student is null)
        {
            return new GradeStudentKnowledge(parameters, new StudentPosterior(parameters));
        }

        if (student.Value < 0 || student.Value >= _trainingStudents.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(student), "Only students of the last Fit are known; use null to fold in.");
        }

        return new GradeStudentKnowledge(parameters, FoldIn(parameters, _trainingStudents[student.Value]));
    }

    public ModelSnapshot Snapshot() => JsonSnapshots.Write(Name, FormatVersion, _parameters);

    public void Restore(ModelSnapshot snapshot)
    {
        _parameters = JsonSnapshots.Read<GradeMirtParameters>(snapshot, FormatVersion);
        _trainingStudents = [];
    }

    internal GradeMirtParameters Parameters => _parameters ?? throw new InvalidOperationException("Fit the model first.");

    private static StudentPosterior FoldIn(GradeMirtParameters parameters, IReadOnlyList<Observation> observations)
    {
        var posterior = new StudentPosterior(parameters);
        foreach (var observation in observations)
        {
            posterior.Add(observation);
        }

        posterior.Refit();
        return posterior;
    }

    private GradeMirtParameters Initialise(ResponseDataset training, Random random)
    {
        var assessmentCount = Options.PoolBySkill ? training.SkillCount : training.ItemCount;
        var skills = new int[assessmentCount][];
        var sum = new double[assessmentCount];
        var count = new double[assessmentCount];
        foreach (var observation in training.Students.SelectMany(s => s))
        {
            var itemSkills = training.ItemSkills?[observation.Item] ?? observation.Skills;
            foreach (var (assessment, assessmentSkills) in Options.PoolBySkill ? itemSkills.Distinct().Select(k => (k, new[] { k })) : [(observation.Item, itemSkills)])
            {
                skills[assessment] ??= assessmentSkills;
                sum[assessment] += observation.Score;
                count[assessment]++;
            }
        }

        var globalBias = Logistic.Logit((sum.Sum() + 1) / (count.Sum() + 2));
        return new GradeMirtParameters
        {
            Options = Options,
            SkillCount = training.SkillCount,
            GlobalBias = globalBias,
            AssessmentBias = [.. sum.Select((s, j) => Logistic.Logit((s + 1) / (count[j] + 2)) - globalBias)],
            AssessmentFactors = [.. skills.Select(_ => Enumerable.Range(0, Options.Factors).Select(_ => 0.1 * ((2 * random.NextDouble()) - 1)).ToArray())],
            AssessmentSkills = [.. skills.Select((s, j) => s ?? (Options.PoolBySkill ? [j] : training.ItemSkills?[j] ?? []))],
            StudentBiasVariance = 1 / Options.StudentBiasPrecision,
            SkillVariance = 1 / Options.SkillPrecision,
            FactorVariance = 1 / Options.FactorPrecision,
        };
    }

    /// <summary>Laplace empirical Bayes for the student priors (the fold-in priors), kept inside sane bounds.</summary>
    private static void EstimatePriors(GradeMirtParameters parameters, List<StudentPosterior> students)
    {
        double biasSum = 0, skillSum = 0, factorSum = 0;
        var skillCount = 0;
        foreach (var student in students)
        {
            var variances = student.PosteriorVariances();
            biasSum += (student.Bias * student.Bias) + variances[0];
            for (var i = 0; i < student.Skills.Count; i++)
            {
                var ability = student.Ability(student.Skills[i]);
                skillSum += (ability * ability) + variances[1 + i];
            }

            skillCount += student.Skills.Count;
            var factors = student.Factors;
            for (var f = 0; f < factors.Length; f++)
            {
                factorSum += (factors[f] * factors[f]) + variances[1 + student.Skills.Count + f];
            }
        }

        parameters.StudentBiasVariance = Math.Clamp(biasSum / Math.Max(1, students.Count), 0.01, 10);
        parameters.SkillVariance = Math.Clamp(skillSum / Math.Max(1, skillCount), 0.01, 10);
        if (parameters.Factors > 0)
        {
            parameters.FactorVariance = Math.Clamp(factorSum / Math.Max(1, students.Count * parameters.Factors), 0.01, 10);
        }
    }

    /// <summary>One Newton block per assessment (b_j, v_j) given the students; returns the largest parameter change.</summary>
    private double FitAssessments(GradeMirtParameters parameters, List<StudentPosterior> students)
    {
        var size = 1 + parameters.Factors;
        var blocks = new LogisticBlock?[parameters.AssessmentBias.Length];
        foreach (var student in students)
        {
            foreach (var (item, score) in student.Scores)
            {
                var block = blocks[item] ??= NewAssessmentBlock(parameters, item, size);
                var x = new double[size];
                x[0] = 1;
                Array.Copy(student.Factors, 0, x, 1, parameters.Factors);
                var offset = parameters.GlobalBias + student.Bias + score.Skills.Distinct().Sum(student.Ability);
                block.AddCell(x, offset, score.Trials, score.Successes);
            }
        }

        var change = 0.0;
        for (var j = 0; j < blocks.Length; j++)
        {
            if (blocks[j] is not { } block)
            {
                continue;
            }

            block.Fit(Options.NewtonSteps, 1e-8);
            change = Math.Max(change, Math.Abs(block.Weights[0] - parameters.AssessmentBias[j]));
            parameters.AssessmentBias[j] = block.Weights[0];
            for (var f = 0; f < parameters.Factors; f++)
            {
                change = Math.Max(change, Math.Abs(block.Weights[1 + f] - parameters.AssessmentFactors[j][f]));
                parameters.AssessmentFactors[j][f] = block.Weights[1 + f];
            }
        }

        return change;
    }

    private LogisticBlock NewAssessmentBlock(GradeMirtParameters parameters, int item, int size)
    {
        var block = new LogisticBlock(size);
        block.Weights[0] = parameters.AssessmentBias[item];
        block.PriorPrecision[0] = Options.AssessmentPrecision;
        for (var f = 0; f < parameters.Factors; f++)
        {
            block.Weights[1 + f] = parameters.AssessmentFactors[item][f];
            block.PriorPrecision[1 + f] = Options.FactorPrecision;
        }

        return block;
    }
}
