using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Datasets;

/// <summary>
/// A data set read from disk with its published split: every student in one <see cref="ResponseDataset"/>
/// (observation student index = position in <see cref="ResponseDataset.Students"/>) plus the id maps.
/// </summary>
public sealed record LoadedDataset(
    string Name,
    DatasetKind Kind,
    ResponseDataset Data,
    IReadOnlyList<string> StudentIds,
    IdIndex Items,
    IdIndex Skills,
    SplitDescription Split);
