using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Bkt;
using EduRecLti.Knowledge.Models.Diagnosis;
using EduRecLti.Knowledge.Models.Ensemble;
using EduRecLti.Knowledge.Models.Grades;
using EduRecLti.Knowledge.Models.Logistic;
using EduRecLti.Knowledge.Models.Logistic.Elo;

namespace EduRecLti.Knowledge;

/// <summary>
/// Every knowledge model the product and the <c>eval</c> command can use, by its stable name. Model families that live
/// in other assemblies (the ML.NET models, kept out of this pure-C# library) add themselves with <see cref="Register"/>.
/// </summary>
public static class ModelCatalog
{
    private static readonly Lock Gate = new();

    private static readonly Dictionary<string, Func<IKnowledgeModel>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        // Model families register here, one line per named configuration.
        ["bkt"] = () => new BktModel("bkt"),
        ["bkt-forget"] = () => new BktModel("bkt-forget", new BktOptions { Forgets = true }),
        ["bkt-items"] = () => new BktModel("bkt-items", new BktOptions { ItemGuessSlip = true }),
        ["bkt-items-forget"] = () => new BktModel("bkt-items-forget", new BktOptions { ItemGuessSlip = true, Forgets = true }),
        ["baseline"] = () => new BaselineModel(),
        ["elo"] = () => new EloKnowledgeModel("elo", new EloOptions()),
        ["irt"] = () => new LogisticKnowledgeModel("irt", LogisticPresets.Irt),
        ["afm"] = () => new LogisticKnowledgeModel("afm", LogisticPresets.Afm),
        ["pfa"] = () => new LogisticKnowledgeModel("pfa", LogisticPresets.Pfa),
        ["pfa-gervet"] = () => new LogisticKnowledgeModel("pfa-gervet", LogisticPresets.PfaGervet),
        ["best-lr"] = () => new LogisticKnowledgeModel("best-lr", LogisticPresets.BestLr),
        ["best-lr-recency"] = () => new LogisticKnowledgeModel("best-lr-recency", LogisticPresets.BestLrRecency),
        ["lr-best"] = () => new LogisticKnowledgeModel("lr-best", LogisticPresets.Best),
        ["das3h"] = () => new LogisticKnowledgeModel("das3h", LogisticPresets.Das3h),
        ["ktm-d0"] = () => new LogisticKnowledgeModel("ktm-d0", LogisticPresets.Ktm(0)),
        ["ktm"] = () => new LogisticKnowledgeModel("ktm", LogisticPresets.Ktm(5)),
        ["grade-mirt"] = () => new GradeMirtModel(),
        ["grade-mirt-f1"] = () => new GradeMirtModel("grade-mirt-f1", new GradeMirtOptions { Factors = 1 }),
        ["grade-mirt-skills"] = () => new GradeMirtModel("grade-mirt-skills", new GradeMirtOptions { PoolBySkill = true }),
        ["dina"] = () => new DinaModel(),
        ["dino"] = () => new DinaModel("dino", new DinaOptions { Disjunctive = true }),
        ["dina-mirt"] = () => new EnsembleModel("dina-mirt", EnsemblePresets.DinaMirt),
        ["grade-stack"] = () => new EnsembleModel("grade-stack", EnsemblePresets.GradeStack),
        ["grade-stack-plus"] = () => new EnsembleModel("grade-stack-plus", EnsemblePresets.GradeStackPlus),
    };

    /// <summary>The registered names, in registration order (a copy: registration may go on meanwhile).</summary>
    public static IReadOnlyCollection<string> Names
    {
        get
        {
            lock (Gate)
            {
                return [.. Factories.Keys];
            }
        }
    }

    /// <summary>
    /// Adds a model family from another assembly under <paramref name="name"/>. Registering the same name again is a
    /// no-op when it is the same factory (start-up code may run twice in one process) and an error otherwise, so one
    /// name never silently means two models.
    /// </summary>
    public static void Register(string name, Func<IKnowledgeModel> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            if (Factories.TryGetValue(name, out var existing) && existing != factory)
            {
                throw new InvalidOperationException($"Model name '{name}' is already registered.");
            }

            Factories[name] = factory;
        }
    }

    public static bool TryCreate(string name, out IKnowledgeModel model)
    {
        Func<IKnowledgeModel>? factory;
        lock (Gate)
        {
            Factories.TryGetValue(name, out factory);
        }

        model = factory?.Invoke()!;
        return factory is not null;
    }
}
