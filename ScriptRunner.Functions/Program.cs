using ScriptRunner.Functions.Hosting;

// One assembly, two ways to run. Started by the Functions host it is an isolated worker; started any other way it is
// a plain ASP.NET Core app serving the same handlers. Each mode lives in its own class so a standalone start never
// loads the worker's assemblies.
if (HostingModeDetector.Detect(args) == HostingMode.Worker) WorkerHost.Run(args);
else StandaloneHost.Run(args);

/// <summary>Entry point marker for the test host.</summary>
public partial class Program;
