namespace LtiTool.Pages.Components;

/// <summary>
/// Resource anchor of the shared components' strings (<c>IStringLocalizer&lt;ComponentText&gt;</c>). The keys are the
/// shipped English; a language is added as <c>Resources/Pages/Shared/Components/ComponentText.{culture}.resx</c>.
/// </summary>
public sealed class ComponentText;
