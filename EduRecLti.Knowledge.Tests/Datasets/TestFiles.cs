namespace EduRecLti.Knowledge.Tests.Datasets;

/// <summary>A temporary directory for small hand-written data files, deleted after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string name = "data")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"edureclti-{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string fileName, string content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}

/// <summary>
/// The small data slices committed under <c>Datasets/Samples/</c> (copied beside the test binaries; see each slice's README).
/// Tests never read data from outside the repository: full data sets are for <c>scripts/bench-models.sh</c>.
/// </summary>
internal static class Samples
{
    public static string Directory(string dataset)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Datasets", "Samples", dataset);
        return System.IO.Directory.Exists(path) ? path : throw new DirectoryNotFoundException("Test sample not found: " + path);
    }
}
