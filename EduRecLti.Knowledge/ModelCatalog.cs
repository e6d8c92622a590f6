using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge;

/// <summary>
/// Every knowledge model the product and the <c>eval</c> command can use, by its stable name.
/// </summary>
public static class ModelCatalog
{
    private static readonly Dictionary<string, Func<IKnowledgeModel>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        // Model families register here, one line per named configuration.
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool TryCreate(string name, out IKnowledgeModel model)
    {
        if (Factories.TryGetValue(name, out var factory))
        {
            model = factory();
            return true;
        }

        model = null!;
        return false;
    }
}
