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

/// <summary>Locates shared/data (beside the repository) by walking up from the test binaries.</summary>
internal static class SharedData
{
    public static string Directory(string dataset)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return System.IO.Path.Combine(candidate, dataset);
            }
        }

        throw new DirectoryNotFoundException("shared/data not found above " + AppContext.BaseDirectory);
    }
}
