using System.Collections.Concurrent;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace LtiTool.Lti.Services;

/// <summary>
/// Polly 8 resilience per call type and platform (security catalogue c.3): total timeout → retry (jittered exponential
/// backoff, Retry-After honoured and capped) → the platform's circuit breaker → attempt timeout. One breaker per
/// platform, shared by all its call types, so one failing LMS slows no other. Every delay and timeout runs on the
/// injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ServicePipelines(IOptions<ServicesOptions> options, TimeProvider time, ILogger<ServicePipelines> logger)
{
    private static readonly ResiliencePropertyKey<string> CorrelationKey = new("lti.correlation-id");

    private readonly ConcurrentDictionary<long, Lazy<ResiliencePipeline<HttpResponseMessage>>> _breakers = new();
    private readonly ConcurrentDictionary<(ServiceCallKind Kind, long PlatformId), Lazy<ResiliencePipeline<HttpResponseMessage>>> _pipelines = new();

    /// <summary>
    /// Runs <paramref name="attempt"/> under the pipeline of this call type and platform. Exhausted transient failures
    /// and an open circuit come back as <see cref="LtiServiceException"/>; HTTP statuses come back as responses.
    /// </summary>
    public async Task<HttpResponseMessage> ExecuteAsync(
        ServiceCallKind kind, Platform platform, string correlationId, Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var pipeline = _pipelines.GetOrAdd((kind, platform.Id), key => new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => Build(key.Kind, platform))).Value;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CorrelationKey, correlationId);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, run) => await run(ctx.CancellationToken), context, attempt);
        }
        catch (BrokenCircuitException ex)
        {
            throw new LtiServiceException(LtiServiceError.CircuitOpen, $"The circuit to {platform.Issuer} is open after repeated failures.", retryAfter: ex.RetryAfter, innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new LtiServiceException(LtiServiceError.Transient, $"The call to {platform.Issuer} timed out.", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LtiServiceException(LtiServiceError.Transient, $"The call to {platform.Issuer} failed on the network.", innerException: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(ServiceCallKind kind, Platform platform)
    {
        var settings = options.Value;
        var (total, retries) = kind switch
        {
            ServiceCallKind.Read => ((TimeSpan?)settings.ReadTotalTimeout, settings.ReadMaxRetries),
            ServiceCallKind.Score => (settings.ScoreTotalTimeout, settings.ScoreMaxRetries),
            ServiceCallKind.Token => (settings.TokenTotalTimeout, settings.TokenMaxRetries),
            _ => (null, 0),
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "lti-" + kind, InstanceName = platform.Issuer };
        if (total is { } totalTimeout)
        {
            builder.AddTimeout(totalTimeout);
        }

        if (retries > 0)
        {
            builder.AddRetry(RetryOptions(kind, platform, retries, settings));
        }

        builder.AddPipeline(_breakers.GetOrAdd(platform.Id, _ => new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => BuildBreaker(platform))).Value);
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    private RetryStrategyOptions<HttpResponseMessage> RetryOptions(ServiceCallKind kind, Platform platform, int retries, ServicesOptions settings) => new()
    {
        MaxRetryAttempts = retries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = settings.RetryBaseDelay,
        MaxDelay = settings.MaxRetryDelay,
        ShouldHandle = args => ValueTask.FromResult(ServiceFailures.IsRetryable(args.Outcome)),
        // Retry-After wins over the backoff when present (RFC 9110 §10.2.3), capped; null falls back to the backoff.
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Read(response.Headers, time.GetUtcNow(), settings.MaxRetryDelay) : null),
        OnRetry = args =>
        {
            var reason = args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var correlationId = args.Context.Properties.GetValue(CorrelationKey, string.Empty);
            ServicesLog.Retrying(logger, args.AttemptNumber + 1, kind, platform.Issuer, args.RetryDelay, reason, correlationId);
            return default;
        },
    };

    private ResiliencePipeline<HttpResponseMessage> BuildBreaker(Platform platform)
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "lti-circuit", InstanceName = platform.Issuer }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(ServiceFailures.IsPlatformFailure(args.Outcome)),
                OnOpened = args =>
                {
                    ServicesLog.CircuitOpened(logger, platform.Issuer, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    ServicesLog.CircuitClosed(logger, platform.Issuer);
                    return default;
                },
            })
            .Build();
    }
}
