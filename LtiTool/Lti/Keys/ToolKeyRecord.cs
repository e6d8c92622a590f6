namespace LtiTool.Lti.Keys;

/// <summary>One stored tool signing key. The private key is kept only in Data Protection's protected form.</summary>
public sealed record ToolKeyRecord(string Kid, string Status, long CreatedAt, long? RetiredAt, string PublicJwk, string ProtectedPrivateKey)
{
    public const string Next = "next";
    public const string Current = "current";
    public const string Retired = "retired";
}

/// <summary>Storage of tool keys; rotation runs as one serialised unit across instances.</summary>
public interface IToolKeyStore
{
    Task<IReadOnlyList<ToolKeyRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="change"/> on the current key list under an exclusive lock and applies what it returns:
    /// keys to insert, kids to mark retired at a time, kids to promote to current or next, and kids to delete.
    /// </summary>
    Task UpdateAsync(Func<IReadOnlyList<ToolKeyRecord>, ToolKeyChanges> change, CancellationToken cancellationToken = default);
}

/// <summary>A set of changes to the tool keys, applied in one transaction.</summary>
public sealed record ToolKeyChanges(
    IReadOnlyList<ToolKeyRecord> Insert,
    IReadOnlyList<(string Kid, string Status, long? RetiredAt)> SetStatus,
    IReadOnlyList<string> Delete)
{
    public static ToolKeyChanges None { get; } = new([], [], []);
}
