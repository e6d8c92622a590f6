namespace LtiTool.Lti.Services;

/// <summary>
/// Log events of the service clients. Each carries the platform's issuer and, for calls, the correlation id. Tokens,
/// client assertions and response bodies are never logged.
/// </summary>
internal static partial class ServicesLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Requesting an access token from {Issuer} for scopes '{Scopes}'")]
    public static partial void TokenRequested(ILogger logger, string issuer, string scopes);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The token endpoint of {Issuer} refused the client with {Status} '{OAuthError}' for scopes '{Scopes}'; check the registration")]
    public static partial void TokenRejected(ILogger logger, string issuer, int status, string oauthError, string scopes);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Token request to {Issuer} failed: {Reason}")]
    public static partial void TokenUnavailable(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "{Issuer} answered 401 to {Method} {Path}; dropping the token and retrying once (correlation {CorrelationId})")]
    public static partial void Unauthorized(ILogger logger, string issuer, string method, string path, string correlationId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Retry {Attempt} of a {Kind} call to {Issuer} in {Delay} after {Reason} (correlation {CorrelationId})")]
    public static partial void Retrying(ILogger logger, int attempt, ServiceCallKind kind, string issuer, TimeSpan delay, string reason, string correlationId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Circuit to {Issuer} opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string issuer, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Circuit to {Issuer} closed again")]
    public static partial void CircuitClosed(ILogger logger, string issuer);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Security: a service URL on host '{Host}' is not registered for {Issuer}; the call was refused and no token sent (correlation {CorrelationId})")]
    public static partial void UntrustedServiceUrl(ILogger logger, string issuer, string correlationId, string host);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Paging of {Path} at {Issuer} stopped after {Pages} pages: {Reason} (correlation {CorrelationId})")]
    public static partial void PagingStopped(ILogger logger, string issuer, string path, int pages, LtiServiceError reason, string correlationId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "{Method} {Path} at {Issuer} failed: {Error} {Status} (correlation {CorrelationId})")]
    public static partial void CallFailed(ILogger logger, string method, string path, string issuer, LtiServiceError error, int? status, string correlationId);
}
