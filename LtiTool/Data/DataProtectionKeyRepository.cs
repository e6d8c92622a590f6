using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LtiTool.Data;

/// <summary>
/// Keeps the ASP.NET Core Data Protection key ring in the database, so every instance of a scaled-out app can
/// unprotect what another protected (tool private keys, for one). The interface is synchronous by design.
/// </summary>
public sealed class DataProtectionKeyRepository(Database database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY friendly_name;")
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO NOTHING;",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
