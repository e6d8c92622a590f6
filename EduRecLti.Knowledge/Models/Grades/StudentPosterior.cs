using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// One student's parameters (bias b_u, skill abilities θ_uk for the skills seen so far, latent factors p_u) with their
/// Laplace posterior: MAP by Newton with the population parameters fixed. Used both inside the alternating fit and
/// for fold-in of a new student, so a training student and a folded-in student are treated identically.
/// </summary>
internal sealed class StudentPosterior
{
    /// <summary>Log-posterior gain below which a full fit stops stepping.</summary>
    private const double FitTolerance = 1e-8;

    private readonly GradeMirtParameters _parameters;
    private readonly SortedDictionary<int, AssessmentScore> _scores = [];
    private readonly List<int> _skills = [];
    private readonly Dictionary<int, int> _skillEvidence = [];

    /// <summary>The index of each assessment's cell in <see cref="_block"/>.</summary>
    private readonly Dictionary<int, int> _cellOf = [];

    /// <summary>
    /// The block of the last fit, kept between online refits with one cell per assessment: a new answer updates or
    /// appends one cell instead of rebuilding the whole history. Its weights are the student's after every fit.
    /// Dropped when a new skill changes the layout and when the alternating fit has moved the population parameters.
    /// </summary>
    private LogisticBlock? _block;
    private double[] _weights;
    private SymmetricMatrix? _precision;
    private bool _stale;
    private bool _fitted;

    public StudentPosterior(GradeMirtParameters parameters)
    {
        _parameters = parameters;
        _weights = new double[1 + parameters.Factors];
    }

    public IEnumerable<KeyValuePair<int, AssessmentScore>> Scores => _scores;

    public double Bias => _weights[0];

    public int SkillEvidence(int skill) => _skillEvidence.GetValueOrDefault(skill);

    /// <summary>Adds one answer (one binomial trial with a possibly fractional success) to the assessments it counts toward.</summary>
    public void Add(in Observation observation)
    {
        foreach (var (assessment, skills) in _parameters.AssessmentsOf(observation.Item, observation.Skills))
        {
            Add(assessment, skills, 1, observation.Score);
        }
    }

    private void Add(int item, int[] skills, double trials, double successes)
    {
        var (_, _, itemSkills) = _parameters.Assessment(item, skills);
        var keep = 1 - _parameters.Options.Forgetting;
        _scores[item] = _scores.TryGetValue(item, out var score)
            ? score with { Trials = (keep * score.Trials) + trials, Successes = (keep * score.Successes) + successes }
            : new AssessmentScore(itemSkills, trials, successes);
        foreach (var skill in itemSkills)
        {
            _skillEvidence[skill] = _skillEvidence.GetValueOrDefault(skill) + (int)Math.Round(trials);
            if (!_skills.Contains(skill))
            {
                InsertSkill(skill);
            }
        }

        UpdateCell(item);
        _precision = null;
        _stale = true;
    }

    /// <summary>Brings the kept block's cell of <paramref name="item"/> up to date with its pooled score.</summary>
    private void UpdateCell(int item)
    {
        if (_block is null)
        {
            return;
        }

        var score = _scores[item];
        if (_cellOf.TryGetValue(item, out var cell))
        {
            _block.SetCellCounts(cell, score.Trials, score.Successes);
        }
        else
        {
            _cellOf[item] = AddCell(_block, item, score);
        }
    }

    /// <summary>
    /// Newton steps on this student's parameters only; returns the block's log-posterior. The alternating fit calls
    /// this after each sweep has moved the assessment parameters, so the kept block is rebuilt.
    /// </summary>
    public double Refit()
    {
        _block = null;
        return Refit(_parameters.Options.NewtonSteps, FitTolerance, curvatureAtEnd: true);
    }

    private double Refit(int newtonSteps, double tolerance, bool curvatureAtEnd)
    {
        _stale = false;
        _fitted = true;
        var block = _block ??= BuildBlock();
        _precision = block.Fit(newtonSteps, tolerance, curvatureAtEnd);
        Array.Copy(block.Weights, _weights, _weights.Length);
        return block.Objective(_weights);
    }

    /// <summary>Posterior variance of every parameter, in layout order [bias, skills..., factors...].</summary>
    public double[] PosteriorVariances() => Precision().InverseDiagonal();

    /// <summary>Refits only when observations arrived since the last fit, so a burst of answers costs one fit.</summary>
    public void RefitIfStale()
    {
        if (_stale)
        {
            // Warm start: a student fitted before needs only the online steps, and the predictive variance may use the
            // curvature of the last step's start; a first fold-in gets the full count and the curvature at its optimum.
            if (_fitted)
            {
                Refit(_parameters.Options.OnlineNewtonSteps, _parameters.Options.OnlineTolerance, curvatureAtEnd: false);
            }
            else
            {
                Refit(_parameters.Options.NewtonSteps, FitTolerance, curvatureAtEnd: true);
            }
        }
    }

    public IReadOnlyList<int> Skills => _skills;

    public double Ability(int skill)
    {
        var index = _skills.IndexOf(skill);
        return index < 0 ? 0 : _weights[1 + index];
    }

    public double[] Factors => _weights[(1 + _skills.Count)..];

    /// <summary>Linear predictor and its Laplace variance for an assessment with the given bias, loadings and skills.</summary>
    public (double Mean, double Variance) Predictor(double assessmentBias, double[] loadings, IEnumerable<int> skills)
    {
        var x = new double[_weights.Length];
        x[0] = 1;
        var mean = _parameters.GlobalBias + assessmentBias + _weights[0];
        var unseenVariance = 0.0;
        foreach (var skill in skills.Distinct())
        {
            var index = _skills.IndexOf(skill);
            if (index < 0)
            {
                unseenVariance += _parameters.SkillVariance;
                continue;
            }

            x[1 + index] = 1;
            mean += _weights[1 + index];
        }

        for (var f = 0; f < loadings.Length; f++)
        {
            x[1 + _skills.Count + f] = loadings[f];
            mean += loadings[f] * _weights[1 + _skills.Count + f];
        }

        return (mean, Precision().InverseQuadraticForm(x) + unseenVariance);
    }

    private SymmetricMatrix Precision()
    {
        if (_precision is null)
        {
            _precision = (_block ??= BuildBlock()).Fit(0, 0);
        }

        return _precision;
    }

    private LogisticBlock BuildBlock()
    {
        var size = _weights.Length;
        var block = new LogisticBlock(size);
        Array.Copy(_weights, block.Weights, size);
        block.PriorPrecision[0] = 1 / _parameters.StudentBiasVariance;
        for (var i = 0; i < _skills.Count; i++)
        {
            block.PriorPrecision[1 + i] = 1 / _parameters.SkillVariance;
        }

        for (var f = 0; f < _parameters.Factors; f++)
        {
            block.PriorPrecision[1 + _skills.Count + f] = 1 / _parameters.FactorVariance;
        }

        _cellOf.Clear();
        foreach (var (item, score) in _scores)
        {
            _cellOf[item] = AddCell(block, item, score);
        }

        return block;
    }

    /// <summary>
    /// Adds the assessment's cell: x in the layout [bias, skills..., factors...] is 1 for the bias and each of its
    /// skills, then its loadings. Returns the cell's index.
    /// </summary>
    private int AddCell(LogisticBlock block, int item, AssessmentScore score)
    {
        var (bias, loadings, _) = _parameters.Assessment(item, score.Skills);
        var skills = score.Skills.Length > 1 ? score.Skills.Distinct().ToArray() : score.Skills;
        var indices = new int[1 + skills.Length + loadings.Length];
        var values = new double[indices.Length];
        values[0] = 1;
        for (var s = 0; s < skills.Length; s++)
        {
            indices[1 + s] = 1 + _skills.IndexOf(skills[s]);
            values[1 + s] = 1;
        }

        var factorStart = 1 + _skills.Count;
        for (var f = 0; f < loadings.Length; f++)
        {
            indices[1 + skills.Length + f] = factorStart + f;
            values[1 + skills.Length + f] = loadings[f];
        }

        block.AddCell(indices, values, _parameters.GlobalBias + bias, score.Trials, score.Successes);
        return block.CellCount - 1;
    }

    private void InsertSkill(int skill)
    {
        _block = null;
        var position = _skills.Count;
        _skills.Add(skill);
        var grown = new double[_weights.Length + 1];
        Array.Copy(_weights, grown, 1 + position);
        Array.Copy(_weights, 1 + position, grown, 2 + position, _weights.Length - 1 - position);
        _weights = grown;
    }
}

/// <summary>Aggregated binomial score of one student on one assessment.</summary>
internal readonly record struct AssessmentScore(int[] Skills, double Trials, double Successes);
