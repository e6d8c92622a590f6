using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// Renders one shared component (a partial under <c>Pages/Shared/Components/</c>) with the tool's real Razor engine
/// and services, and parses the HTML: the contract tests of the component kit (ui-anchors.md §1 "tested like a library").
/// </summary>
internal static class ComponentRenderer
{
    public static async Task<IHtmlDocument> RenderAsync(ToolHost tool, string component, object model, Action<ViewDataDictionary>? viewData = null)
    {
        using var scope = tool.Services.CreateScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var engine = scope.ServiceProvider.GetRequiredService<IRazorViewEngine>();
        var path = $"/Pages/Shared/Components/{component}.cshtml";
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        Assert.True(found.Success, $"{path} not found");
        var data = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        viewData?.Invoke(data);
        await using var writer = new StringWriter();
        var context = new ViewContext(
            actionContext,
            found.View,
            data,
            new TempDataDictionary(httpContext, scope.ServiceProvider.GetRequiredService<ITempDataProvider>()),
            writer,
            new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + writer + "</body></html>");
    }
}
