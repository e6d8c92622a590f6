namespace LtiTool.Lti;

/// <summary>
/// A rejection with a stable id. Ids never change once shipped: support, logs, tests and docs/errors.md use them.
/// </summary>
/// <param name="Id">Stable id such as <c>LTI2124</c>.</param>
/// <param name="Title">Short English description shown on the error page and in ProblemDetails.</param>
/// <param name="StatusCode">HTTP status answered to the caller.</param>
/// <param name="Hint">What the person in front of the page can do about it.</param>
public sealed record LtiError(string Id, string Title, int StatusCode, string Hint);
