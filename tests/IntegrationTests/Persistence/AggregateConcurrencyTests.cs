using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace IntegrationTests.Persistence;

/// <summary>
/// The version of an aggregate is its root's <c>xmin</c>; a change to any of its children moves it,
/// so two callers changing different children from the same version cannot both win.
/// </summary>
public sealed class AggregateConcurrencyTests(TestModuleDatabase database) : IClassFixture<TestModuleDatabase>
{
    [Fact]
    public async Task Two_callers_changing_different_children_from_the_same_version_one_wins_the_other_gets_a_concurrency_conflict()
    {
        var id = await database.SaveAsync(Plan.Open("03.531", 100m, 200m));
        await using var first = database.Context();
        await using var second = database.Context();
        var mine = await database.LoadAsync(first, id);
        var theirs = await database.LoadAsync(second, id);
        mine.Version.Should().Be(theirs.Version);
        var lines = mine.Lines.Select(l => l.Id).ToList();
        var untouched = mine.Lines.Single(l => l.Id == lines[1]).Amount;

        mine.ChangeLine(lines[0], Money.Mad(150m));
        theirs.ChangeLine(lines[1], Money.Mad(250m));
        await first.SaveChangesAsync();
        var late = () => second.SaveChangesAsync();

        // The exception the API's handler answers with 409 "concurrency".
        await late.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var db = database.Context();
        var stored = await database.LoadAsync(db, id);
        stored.Lines.Single(l => l.Id == lines[0]).Amount.Should().Be(Money.Mad(150m));
        stored.Lines.Single(l => l.Id == lines[1]).Amount.Should().Be(untouched, "the second caller's change was rolled back with its root");
    }

    [Fact]
    public async Task Adding_changing_or_removing_a_child_alone_moves_the_root_version()
    {
        var id = await database.SaveAsync(Plan.Open("03.531", 100m, 200m));
        var versions = new List<uint> { await database.VersionOfAsync(id) };

        await ChangeAsync(plan => plan.ChangeLine(plan.Lines.First().Id, Money.Mad(1m)));
        await ChangeAsync(plan => plan.AddLine(Money.Mad(3m)));
        await ChangeAsync(plan => plan.RemoveLine(plan.Lines.First().Id));

        versions.Should().OnlyHaveUniqueItems();
        await using var db = database.Context();
        (await database.LoadAsync(db, id)).Lines.Should().HaveCount(2);

        async Task ChangeAsync(Action<Plan> change)
        {
            await using var context = database.Context();
            var plan = await database.LoadAsync(context, id);
            change(plan);
            await context.SaveChangesAsync();
            plan.Version.Should().Be(await database.VersionOfAsync(id), "the root's version is read back after the save");
            versions.Add(plan.Version);
        }
    }

    [Fact]
    public async Task A_caller_holding_an_old_version_cannot_change_a_child()
    {
        var id = await database.SaveAsync(Plan.Open("03.531", 100m));
        var seen = await database.VersionOfAsync(id);
        await using (var other = database.Context())
        {
            var plan = await database.LoadAsync(other, id);
            plan.AddLine(Money.Mad(5m));
            await other.SaveChangesAsync();
        }

        await using var db = database.Context();
        var stale = await database.LoadAsync(db, id);
        db.ExpectVersion(stale, seen);
        stale.ChangeLine(stale.Lines.First().Id, Money.Mad(7m));
        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
    }

    [Fact]
    public async Task A_part_changed_without_its_root_loaded_is_refused()
    {
        var id = await database.SaveAsync(Plan.Open("03.531", 100m));
        await using var db = database.Context();
        var line = await db.PlanLines.FirstAsync(l => EF.Property<PlanId>(l, "PlanId") == id);
        db.Entry(line).Property(l => l.Amount).CurrentValue = Money.Mad(1m);

        var save = () => db.SaveChangesAsync();

        (await save.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*without its aggregate root Plan*");
        (await database.VersionOfAsync(id)).Should().BeGreaterThan(0);
    }

    [Fact]
    public void An_entity_that_is_neither_a_root_nor_part_of_one_cannot_be_mapped()
    {
        using var db = new StrayDbContext(new DbContextOptionsBuilder<StrayDbContext>()
            .UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options);

        var build = () => db.Model;

        build.Should().Throw<InvalidOperationException>().WithMessage("*Stray*IPartOfAggregate*");
    }
}
