using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.Grades;
using EduRecLti.Knowledge.MlNet.Items;

namespace EduRecLti.Knowledge.MlNet;

/// <summary>The ML.NET models under their catalog names; <see cref="Register"/> adds them to <see cref="ModelCatalog"/>.</summary>
public static class MlNetModels
{
    private static readonly Dictionary<string, Func<IKnowledgeModel>> Factories = new()
    {
        ["gbm-items"] = () => new GbmItemModel("gbm-items", new GbmItemOptions()),
        ["gbm-items-elo"] = () => new GbmItemModel("gbm-items-elo", new GbmItemOptions { EloFeature = true }),
        ["gbm-grades"] = () => new GbmGradeModel("gbm-grades", new GbmGradeOptions()),
        ["gbm-grades-gap"] = () => new GbmGradeModel("gbm-grades-gap", new GbmGradeOptions { ThresholdClassifier = 0.6 }),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>Adds every ML.NET model to the catalog; safe to call more than once.</summary>
    public static void Register()
    {
        foreach (var (name, factory) in Factories)
        {
            ModelCatalog.Register(name, factory);
        }
    }
}
