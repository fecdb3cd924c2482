using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using RealtyHub.Hosting.Database;
using RealtyHub.Web.Api;
using RealtyHub.Web.Components;
using RealtyHub.Web.Demo;
using RealtyHub.Web.Identity;
using RealtyHub.Web.Realtime;
using RealtyHub.Web.Services;
using RealtyHub.Web.Tenancy;
using RealtyHub.Web.Webhooks;

using RealtyHub.Web.Voice;

namespace RealtyHub.Web;

public static class ConsoleHostingExtensions
{
    /// <summary>The console on top of the common host: identity, services, SignalR, Blazor and demo seeding.</summary>
    public static WebApplicationBuilder AddRealtyHubConsole(this WebApplicationBuilder builder, HubDatabase database)
    {
        builder.AddRealtyHubIdentity(database);
        builder.AddRealtyHubWhatsApp();
        builder.AddRealtyHubTeamPerformance();
        builder.AddRealtyHubKnowledge();
        builder.Services.AddProblemDetails();
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddScoped<BrokerageProvisioner>();
        builder.Services.AddScoped<MemberService>();
        builder.Services.AddSingleton<TeamService>();
        builder.Services.AddSingleton<LeadService>();
        builder.Services.AddSingleton<ConversationService>();
        builder.Services.AddSingleton<BrokerageFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BrokerageFeed>());
        builder.Services.AddSingleton<BoardService>();
        builder.Services.AddSingleton<RequestService>();
        builder.Services.AddSingleton<VoiceService>();
        builder.Services.AddSingleton<ExpertService>();
        builder.Services.AddSingleton<BoardFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardFeed>());
        builder.Services.AddSingleton<BrokerageScopeHubFilter>();
        // Enums travel as names ("Away"), not numbers, for API and hub clients alike.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR(o => o.AddFilter<BrokerageScopeHubFilter>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddHostedService<DemoDataSeeder>();
        if (builder.Configuration.GetValue("RealtyHub:Demo:Enabled", true) && builder.Configuration.GetValue("RealtyHub:Demo:Traffic", true))
        {
            builder.Services.AddHostedService<DemoTraffic>();
        }
        return builder;
    }

    public static WebApplication UseRealtyHubConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        // Programs get problem details for bare error statuses; people get the console's not-found page.
        app.UseWhen(IsForPrograms, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsForPrograms(context), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Twilio Media Streams (live calls) arrive as WebSockets outside SignalR.
        app.UseWebSockets();
        app.MapStaticAssets();
        app.MapSessionApi();
        app.MapBrokerageApi();
        app.MapConversationsApi();
        app.MapBoardApi();
        app.MapRequestsApi();
        app.MapCallsApi();
        app.MapPlatformApi();
        app.MapInboundApi();
        app.MapAccountEndpoints();
        app.MapRealtyHubWhatsApp();
        app.MapVoiceWebhooks();
        app.MapMediaStreams();
        app.MapHub<ConsoleHub>(ConsoleHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsForPrograms(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/webhooks", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments(VoiceWebhooks.StreamPath, StringComparison.Ordinal);
}
