using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>
/// One fitted ML.NET LightGBM binary model over a fixed-length feature vector, with ML.NET's feature-contribution
/// transform for explanations. Labels may be fractional through <see cref="TrainingRows"/> weights (a score s is a
/// right answer of weight s plus a wrong one of weight 1 − s: the cross-entropy of a proportion). Training is
/// single-threaded and seeded, so a fit is deterministic (LightGBM's <c>deterministic</c> mode).
/// </summary>
internal sealed class BoostedTrees
{
    private const int ExplainedFeatures = 64;

    private readonly MLContext _ml;
    private readonly SchemaDefinition _schema;
    private readonly ITransformer _predictor;
    private readonly ITransformer _explainer;
    private readonly Lock _gate = new();
    private readonly FeatureRow _row;
    private PredictionEngine<FeatureRow, FeatureScore>? _engine;
    private PredictionEngine<FeatureRow, FeatureContributionRow>? _explainEngine;
    private FeatureScore _score = new();

    private BoostedTrees(MLContext ml, int featureCount, ITransformer predictor, ITransformer explainer)
    {
        _ml = ml;
        FeatureCount = featureCount;
        _schema = Schema(featureCount);
        _predictor = predictor;
        _explainer = explainer;
        _row = new FeatureRow { Features = new float[featureCount] };
    }

    public int FeatureCount { get; }

    /// <summary>Trains on <paramref name="training"/>, stopping early on <paramref name="validation"/>'s log-loss.</summary>
    public static BoostedTrees Train(TrainingRows training, TrainingRows validation, BoostingOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(seed);
        var schema = Schema(training.FeatureCount);
        var trainData = ml.Data.LoadFromEnumerable(training.Rows(), schema);
        var validData = ml.Data.LoadFromEnumerable(validation.Rows(), schema);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            NumberOfIterations = options.Rounds,
            LearningRate = options.LearningRate,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumLeafCount,
            EarlyStoppingRound = options.EarlyStoppingRounds,
            // One thread: the fit must not take the shared machine's cores, and it makes the fit deterministic.
            NumberOfThreads = 1,
            Seed = seed,
            Deterministic = true,
            Silent = true,
            Verbose = false,
            EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
            Booster = new GradientBooster.Options
            {
                L2Regularization = options.L2,
                FeatureFraction = options.FeatureFraction,
            },
        });
        var predictor = trainer.Fit(trainData, validData);
        var explainer = new TransformerChain<ITransformer>(
            predictor,
            ml.Transforms.CalculateFeatureContribution(predictor, ExplainedFeatures, ExplainedFeatures, normalize: false).Fit(validData));
        return new BoostedTrees(ml, training.FeatureCount, predictor, explainer);
    }

    /// <summary>The ML.NET model zip (the predictor and its contribution transform) as bytes for a snapshot.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_explainer, _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), _schema).Schema, stream);
        return stream.ToArray();
    }

    public static BoostedTrees Load(byte[] model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ml = new MLContext(0);
        using var stream = new MemoryStream(model, writable: false);
        var chain = ml.Model.Load(stream, out _) as TransformerChain<ITransformer>
            ?? throw new InvalidDataException("The stored ML.NET model is not a predictor with its contribution transform.");
        return new BoostedTrees(ml, featureCount, chain.First(), chain);
    }

    /// <summary>P(label) for one feature vector.</summary>
    public double Predict(ReadOnlySpan<float> features)
    {
        lock (_gate)
        {
            features.CopyTo(_row.Features);
            _engine ??= _ml.Model.CreatePredictionEngine<FeatureRow, FeatureScore>(_predictor, inputSchemaDefinition: _schema);
            _engine.Predict(_row, ref _score);
            return _score.Probability;
        }
    }

    /// <summary>Each feature's additive contribution to the model's raw score (logit scale) for one feature vector.</summary>
    public float[] Contributions(ReadOnlySpan<float> features)
    {
        lock (_gate)
        {
            features.CopyTo(_row.Features);
            _explainEngine ??= _ml.Model.CreatePredictionEngine<FeatureRow, FeatureContributionRow>(_explainer, inputSchemaDefinition: _schema);
            return [.. _explainEngine.Predict(_row).FeatureContributions];
        }
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
