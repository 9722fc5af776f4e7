using IntegrationTests.Infrastructure;

namespace IntegrationTests.Demo;

/// <summary>A host that tells the whole demo story once, for every test of <see cref="DemoStoryTests"/>.</summary>
public sealed class DemoStoryHost : ApiFactory
{
    public DemoStoryHost()
    {
        With("Seed:Demo", "true");
    }
}

/// <summary>
/// What a local run (<c>./run.sh</c>, <c>Seed:Demo</c>) shows, stage by stage, each module's part in
/// its own file of this class so that one host tells the story once. The tests only read: none may
/// change what another test expects.
/// </summary>
public sealed partial class DemoStoryTests(DemoStoryHost api) : IClassFixture<DemoStoryHost>
{
    private readonly DemoStoryHost _api = api;
}
