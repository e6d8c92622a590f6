using LtiTool.Lti.Http;
using LtiTool.Lti.Platforms;

namespace LtiTool.Cli;

/// <summary><c>platforms add|list|remove</c>.</summary>
public static class PlatformCommands
{
    public static async Task<int> AddAsync(CommandLine commandLine, IPlatformStore platforms, UrlPolicy urlPolicy, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(urlPolicy);
        ArgumentNullException.ThrowIfNull(output);
        var registration = new PlatformRegistration(
            Issuer: commandLine.Required("issuer"),
            ClientId: commandLine.Required("client-id"),
            AuthUrl: RequiredUrl(commandLine, "auth-url", urlPolicy),
            TokenUrl: RequiredUrl(commandLine, "token-url", urlPolicy),
            TokenAudience: commandLine.Option("token-audience"),
            JwksUrl: RequiredUrl(commandLine, "jwks-url", urlPolicy),
            DeploymentIds: commandLine.Required("deployment-id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var existing = await platforms.FindAsync(registration.Issuer, registration.ClientId);
        var platform = await platforms.AddAsync(registration);
        if (existing is not null && (existing.AuthUrl != registration.AuthUrl || existing.TokenUrl != registration.TokenUrl || existing.JwksUrl != registration.JwksUrl))
        {
            await output.WriteLineAsync("Note: this issuer and client id were already registered; their endpoints were kept. Remove and add again to change them.");
        }

        var deployments = await platforms.ListDeploymentsAsync(platform.Id);
        await output.WriteLineAsync($"Registered {platform.Issuer} (client id {platform.ClientId}); deployments: {string.Join(", ", deployments)}.");
        return 0;
    }

    public static async Task<int> ListAsync(IPlatformStore platforms, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(output);
        var registered = await platforms.ListAsync();
        if (registered.Count == 0)
        {
            await output.WriteLineAsync("No platforms registered.");
            return 0;
        }

        foreach (var platform in registered)
        {
            var deployments = await platforms.ListDeploymentsAsync(platform.Id);
            await output.WriteLineAsync($"{platform.Issuer}  client id {platform.ClientId}  deployments {string.Join(",", deployments)}");
            await output.WriteLineAsync($"    auth {platform.AuthUrl}  token {platform.TokenUrl}  jwks {platform.JwksUrl}" +
                (platform.TokenAudience is null ? string.Empty : $"  token audience {platform.TokenAudience}"));
        }

        return 0;
    }

    public static async Task<int> RemoveAsync(CommandLine commandLine, IPlatformStore platforms, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(output);
        var issuer = commandLine.Required("issuer");
        var clientId = commandLine.Required("client-id");
        if (!await platforms.RemoveAsync(issuer, clientId))
        {
            await output.WriteLineAsync($"No registration for {issuer} with client id {clientId}.");
            return 1;
        }

        await output.WriteLineAsync($"Removed {issuer} (client id {clientId}) and all data scoped to it.");
        return 0;
    }

    private static string RequiredUrl(CommandLine commandLine, string name, UrlPolicy urlPolicy)
    {
        var value = commandLine.Required(name);
        return urlPolicy.IsAllowed(value) ? value : throw new UsageException($"--{name} must be an absolute https URL (got '{value}').");
    }
}
