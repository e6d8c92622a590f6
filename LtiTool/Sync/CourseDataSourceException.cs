namespace LtiTool.Sync;

/// <summary>
/// A platform read that failed after the client's retries. The message is shown to the instructor as the sync's last
/// error, so it names the service and the failure class only: never tokens, URLs with secrets or response bodies.
/// </summary>
public sealed class CourseDataSourceException : Exception
{
    public CourseDataSourceException()
        : this("The platform could not be read.")
    {
    }

    public CourseDataSourceException(string message)
        : base(message)
    {
    }

    public CourseDataSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
