using LtiTool.Data;

namespace LtiTool.Skills;

public static class SkillsExtensions
{
    /// <summary>Registers the skill mapping store used by the mapping API and the recommendations.</summary>
    public static IServiceCollection AddSkillMappings(this IServiceCollection services)
    {
        services.AddSingleton<ISkillMappingStore, SkillMappingStore>();
        return services;
    }
}
