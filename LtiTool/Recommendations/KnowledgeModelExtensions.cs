using EduRecLti.Knowledge;
using EduRecLti.Knowledge.MlNet;
using EduRecLti.Knowledge.Selection;

namespace LtiTool.Recommendations;

public static class KnowledgeModelExtensions
{
    /// <summary>
    /// The knowledge models the tool can serve: the pure-C# catalog plus the ML.NET models, which live in their own
    /// project so the C# library stays free of ML.NET and join <see cref="ModelCatalog"/> here. Per-course selection
    /// and <see cref="TrainedModel.Load"/> both create models by catalog name, so a stored ML.NET model restores only
    /// where this registration ran (the web tool and its CLI verbs, <c>eval</c> included, share this one).
    /// </summary>
    public static IServiceCollection AddKnowledgeModels(this IServiceCollection services)
    {
        MlNetModels.Register();
        services.AddSingleton(new SelectionOptions());
        services.AddSingleton(provider => new CourseModelSelector(provider.GetRequiredService<SelectionOptions>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
