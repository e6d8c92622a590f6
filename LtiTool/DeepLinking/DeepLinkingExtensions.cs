namespace LtiTool.DeepLinking;

public static class DeepLinkingExtensions
{
    /// <summary>The deep-linking picker's offers and the signed response (Deep Linking 2.0).</summary>
    public static IServiceCollection AddDeepLinking(this IServiceCollection services)
    {
        services.AddOptions<DeepLinkingOptions>().BindConfiguration(DeepLinkingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPracticeCatalogue, SkillPracticeCatalogue>();
        services.AddSingleton<DeepLinkPicker>();
        services.AddSingleton<DeepLinkingResponder>();
        return services;
    }
}
