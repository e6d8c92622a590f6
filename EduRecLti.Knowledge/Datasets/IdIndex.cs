namespace EduRecLti.Knowledge.Datasets;

/// <summary>Maps the ids found in a source file to dense indices (in order of first appearance) and back.</summary>
public sealed class IdIndex
{
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public int Count => _ids.Count;

    /// <summary>Original ids by dense index.</summary>
    public IReadOnlyList<string> Ids => _ids;

    public int GetOrAdd(string id)
    {
        if (!_indices.TryGetValue(id, out var index))
        {
            index = _ids.Count;
            _indices.Add(id, index);
            _ids.Add(id);
        }

        return index;
    }

    public bool TryGetIndex(string id, out int index) => _indices.TryGetValue(id, out index);
}
