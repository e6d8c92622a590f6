namespace LtiTool.Lti.Services;

/// <summary>A response body already read (size-limited) inside the attempt, so classification and parsing need no more I/O.</summary>
internal sealed class ServiceContent : ByteArrayContent
{
    public ServiceContent(byte[] body, HttpContent original)
        : base(body)
    {
        ArgumentNullException.ThrowIfNull(original);
        Body = body;
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public byte[] Body { get; }
}
