using ScriptRunner.Core;
using ScriptRunner.Functions;
using ScriptRunner.Functions.Endpoints;

var builder = WebApplication.CreateBuilder(args);

// The Functions host tells a custom handler its port; a plain local run uses 7071 like `func start` would.
// An explicit --urls / ASPNETCORE_URLS still wins for local runs, so the app can be put anywhere.
var listenUrl = ListenAddress.Resolve(builder.Configuration);
if (listenUrl is not null) builder.WebHost.UseUrls(listenUrl);

builder.Services.AddScriptRunnerCore(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.AddScriptRunnerOpenTelemetry();

var app = builder.Build();
app.MapScriptRunnerApi();
app.Run();

/// <summary>Entry point marker for the test host.</summary>
public partial class Program;
