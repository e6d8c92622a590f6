namespace LtiTool.Lti.Launch;

/// <summary>Size limits on launch claims.</summary>
public static class ClaimLimits
{
    /// <summary>sub, deployment_id, context.id and resource_link.id are at most 255 ASCII characters (LTI 1.3 Core §5.3.3–5.3.6, §5.4.1).</summary>
    public const int MaxIdLength = 255;

    /// <summary>No real launch carries more roles; a huge array is an attack on the parser (catalogue case 57).</summary>
    public const int MaxRoles = 100;

    /// <summary>Titles, names and other display strings are cut to this length before storage.</summary>
    public const int MaxTextLength = 1000;
}
