using LtiTool.Lti.Keys;

namespace LtiTool.Cli;

/// <summary><c>keys rotate|list</c>.</summary>
public static class KeyCommands
{
    public static async Task<int> RotateAsync(ToolKeyRing keyRing, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(output);
        await keyRing.EnsureKeysAsync();
        var kid = await keyRing.RotateAsync();
        await output.WriteLineAsync($"Now signing with {kid}; the previous key stays published for the grace period (Lti:RetiredKeyGracePeriod).");
        return 0;
    }

    public static async Task<int> ListAsync(IToolKeyStore keys, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var key in await keys.ListAsync())
        {
            var created = DateTimeOffset.FromUnixTimeSeconds(key.CreatedAt).ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{key.Kid}  {key.Status,-8}  created {created}");
        }

        return 0;
    }
}
