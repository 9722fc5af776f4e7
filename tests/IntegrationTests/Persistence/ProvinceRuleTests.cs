using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace IntegrationTests.Persistence;

/// <summary>
/// The province rule (ADR 0005) on the paths that do not go through the change tracker: the query
/// filter, and bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>.
/// </summary>
public sealed class ProvinceRuleTests(TestModuleDatabase database) : IClassFixture<TestModuleDatabase>
{
    private const string Taounate = "03.531";
    private const string Nador = "02.381";

    [Fact]
    public async Task An_officer_reads_the_plans_of_his_provinces_and_national_ones_only()
    {
        var own = await database.SaveAsync(Plan.Open(Taounate, 1m));
        var other = await database.SaveAsync(Plan.Open(Nador, 1m));
        var national = await database.SaveAsync(Plan.Open(null, 1m));
        await using var db = database.Context(Caller.Officer(Taounate));

        var visible = await db.Plans.Select(p => p.Id).ToListAsync();

        visible.Should().Contain([own, national]).And.NotContain(other);
        (await db.Plans.AnyAsync(p => p.Id == other)).Should().BeFalse();
        await using var manager = database.Context(Caller.ProgramManager());
        (await manager.Plans.Select(p => p.Id).ToListAsync()).Should().Contain([own, other, national]);
    }

    [Fact]
    public async Task An_officer_cannot_bulk_update_or_bulk_delete_province_scoped_records()
    {
        var own = await database.SaveAsync(Plan.Open(Taounate, 10m));
        var national = await database.SaveAsync(Plan.Open(null, 10m));
        await using var db = database.Context(Caller.Officer(Taounate));

        // Without the guard, the first moves his own plan to another province and the second
        // deletes a national plan: the filter lets an Officer read both, the save guard never sees them.
        var move = () => db.Plans.Where(p => p.Id == own).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProvinceCode, Nador));
        var delete = () => db.Plans.IgnoreQueryFilters().Where(p => p.Id == national).ExecuteDeleteAsync();
        var deleteAll = () => db.Plans.ExecuteDeleteAsync();

        await move.Should().ThrowAsync<ForbiddenException>();
        await delete.Should().ThrowAsync<ForbiddenException>();
        await deleteAll.Should().ThrowAsync<ForbiddenException>();
        await using var check = database.Context();
        (await check.Plans.SingleAsync(p => p.Id == own)).ProvinceCode.Should().Be(Taounate);
        (await check.Plans.AnyAsync(p => p.Id == national)).Should().BeTrue();
    }

    [Fact]
    public async Task A_nationwide_caller_may_bulk_change_scoped_records_and_an_officer_unscoped_ones()
    {
        var plan = await database.SaveAsync(Plan.Open(Nador, 10m));
        await using (var manager = database.Context(Caller.ProgramManager()))
        {
            (await manager.Plans.Where(p => p.Id == plan).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProvinceCode, Taounate))).Should().Be(1);
        }

        await using var officer = database.Context(Caller.Officer(Taounate));
        officer.Notes.Add(Note.Write("draft"));
        await officer.SaveChangesAsync();

        (await officer.Notes.Where(n => n.Text == "draft").ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "final"))).Should().Be(1);
        (await officer.Notes.Where(n => n.Text == "final").ExecuteDeleteAsync()).Should().Be(1);
    }

    [Fact]
    public async Task The_save_guard_refuses_a_change_to_a_child_of_an_aggregate_outside_the_callers_provinces()
    {
        var id = await database.SaveAsync(Plan.Open(Nador, 10m));
        await using var officer = database.Context(Caller.Officer(Taounate));
        var plan = await officer.Plans.IgnoreQueryFilters().Include(p => p.Lines).SingleAsync(p => p.Id == id);

        plan.AddLine(Money.Mad(1m));
        var save = () => officer.SaveChangesAsync();

        await save.Should().ThrowAsync<ForbiddenException>();
    }
}
