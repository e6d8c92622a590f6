using Xunit.Abstractions;
using Xunit.Sdk;

namespace LtiTool.Tests.Data;

/// <summary>
/// A fact of a store test written once for every provider. It runs for SQLite always and for PostgreSQL when
/// <see cref="PostgresCluster.SkipReason"/> is null; otherwise it is reported as skipped, with the reason.
/// </summary>
[XunitTestCaseDiscoverer("LtiTool.Tests.Data.ProviderFactDiscoverer", "LtiTool.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("LtiTool.Tests.Data.ProviderTheoryDiscoverer", "LtiTool.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new ProviderTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    // A provider that cannot run reports one skipped case instead of enumerating the data.
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderTestCase.SkipReasonFor(testMethod) is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [new ProviderTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A test case whose skip reason comes from the provider of its test class, not from the attribute.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer only.", error: true)]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    public static string? SkipReasonFor(ITestMethod testMethod) =>
        TestDatabaseProvider.SkipReasonFor(testMethod.TestClass.Class.ToRuntimeType());

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(factAttribute);
        return SkipReasonFor(TestMethod) ?? base.GetSkipReason(factAttribute);
    }
}
