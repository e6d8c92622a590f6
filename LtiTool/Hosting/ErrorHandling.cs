using System.Data.Common;
using LtiTool.Lti;
using Microsoft.AspNetCore.Diagnostics;

namespace LtiTool.Hosting;

/// <summary>
/// Turns an unhandled exception into the tool's error page or ProblemDetails with a stable id and a correlation
/// id, never a stack trace: database outages answer 503 with Retry-After (catalogue case 106).
/// </summary>
public sealed partial class ErrorHandling(ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var error = exception switch
        {
            DbException or TimeoutException => LtiErrors.ServiceUnavailable,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => LtiErrors.RequestTooLarge,
            _ => LtiErrors.Unexpected,
        };
        LogUnhandled(logger, exception, error.Id, LtiResults.CorrelationId(httpContext));
        if (error == LtiErrors.ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "30";
        }

        await LtiResults.For(httpContext, error).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error, Message = "Unhandled exception answered with {ErrorId} (correlation {CorrelationId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string errorId, string correlationId);
}
