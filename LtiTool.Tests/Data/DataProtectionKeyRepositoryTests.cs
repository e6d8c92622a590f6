using System.Xml.Linq;
using LtiTool.Data;

namespace LtiTool.Tests.Data;

// The key ring is global: every test takes a database of its own.
public abstract class DataProtectionKeyRepositoryTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    [ProviderFact]
    public async Task GetAllElements_TwoStoredKeys_ReturnsBothUnchanged()
    {
        var repository = new DataProtectionKeyRepository(await provider.CreateMigratedDatabaseAsync());
        var first = KeyElement("11111111-1111-1111-1111-111111111111", "secret-one");
        var second = KeyElement("22222222-2222-2222-2222-222222222222", "secret-two");
        repository.StoreElement(second, "key-2");
        repository.StoreElement(first, "key-1");

        var elements = repository.GetAllElements();

        Assert.Equal([first.ToString(), second.ToString()], elements.Select(element => element.ToString()));
    }

    [ProviderFact]
    public async Task StoreElement_SameFriendlyNameTwice_KeepsTheFirst()
    {
        var repository = new DataProtectionKeyRepository(await provider.CreateMigratedDatabaseAsync());
        var first = KeyElement("11111111-1111-1111-1111-111111111111", "secret-one");
        repository.StoreElement(first, "key-1");

        repository.StoreElement(KeyElement("33333333-3333-3333-3333-333333333333", "secret-three"), "key-1");

        Assert.Equal(first.ToString(), Assert.Single(repository.GetAllElements()).ToString());
    }

    [ProviderTheory]
    [MemberData(nameof(UntrustedText.Names), MemberType = typeof(UntrustedText))]
    public async Task StoreElement_UntrustedText_RoundTripsExactly(string name)
    {
        var database = await provider.CreateMigratedDatabaseAsync();
        var repository = new DataProtectionKeyRepository(database);
        var text = UntrustedText.Get(name);
        var element = new XElement("key", new XAttribute("note", text), new XElement("value", text));

        repository.StoreElement(element, UntrustedText.GetId(name));

        var stored = Assert.Single(repository.GetAllElements());
        Assert.Equal(text, stored.Attribute("note")!.Value);
        // XML parsers turn CRLF in text into LF (XML 1.0 §2.11), as ASP.NET Core's file-system key repository does too.
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), stored.Element("value")!.Value);
        Assert.True(await provider.SchemaIsIntactAsync(database));
    }

    private static XElement KeyElement(string id, string secret) =>
        new("key", new XAttribute("id", id), new XAttribute("version", 1), new XElement("descriptor", new XElement("value", secret)));
}

public sealed class SqliteDataProtectionKeyRepositoryTests(SqliteProvider provider) : DataProtectionKeyRepositoryTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresDataProtectionKeyRepositoryTests(PostgresProvider provider) : DataProtectionKeyRepositoryTests<PostgresProvider>(provider);
