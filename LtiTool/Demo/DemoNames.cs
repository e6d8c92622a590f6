namespace LtiTool.Demo;

/// <summary>Name pools of the seeded roster: varied on purpose (accents, apostrophes), as real class lists are.</summary>
internal static class DemoNames
{
    public static readonly string[] GivenNames =
    [
        "Amara", "Liam", "Sofia", "Mateo", "Aisha", "Noah", "Mei", "Lucas", "Priya", "Ethan", "Fatima", "Oliver",
        "Yuki", "Santiago", "Chloe", "Kwame", "Zoë", "Arjun", "Hannah", "Diego", "Leila", "Finn", "Ana", "Tariq",
        "Grace", "Jonas", "Nia", "Ravi", "Elif", "Samuel", "Ingrid", "Malik", "Camila", "Tomás",
    ];

    public static readonly string[] FamilyNames =
    [
        "Okafor", "Nguyen", "García", "Kowalski", "Haddad", "Smith", "Chen", "Müller", "Patel", "O'Brien", "Johansson",
        "Rossi", "Tanaka", "Mensah", "Dubois", "Silva", "Kim", "Novak", "Hernández", "Ali", "Schmidt", "Murphy",
        "Yilmaz", "Costa", "Andersen", "Ibrahim", "Martin", "Sato", "Fischer", "López", "Wójcik", "Brown", "Park", "Singh",
    ];

    /// <summary>An email-safe lower-case form of a name ("Zoë O'Brien" → "zoe.obrien"), without culture-dependent normalisation.</summary>
    public static string ToAsciiLocalPart(string givenName, string familyName) => $"{Fold(givenName)}.{Fold(familyName)}";

    private static string Fold(string name)
    {
        var folded = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var ascii = c switch
            {
                'á' or 'à' or 'ä' or 'â' => "a",
                'é' or 'è' or 'ë' or 'ê' => "e",
                'í' or 'ì' or 'ï' => "i",
                'ó' or 'ò' or 'ö' or 'ô' => "o",
                'ú' or 'ù' or 'ü' => "u",
                'ñ' => "n",
                'ç' => "c",
                'ł' => "l",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => string.Empty,
            };
            folded.Append(ascii);
        }

        return folded.ToString();
    }
}
