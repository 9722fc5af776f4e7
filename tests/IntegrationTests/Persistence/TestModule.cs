using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using BuildingBlocks.Infrastructure.Persistence;
using IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationTests.Persistence;

// A module of the tests' own, shaped like the ones to come: an aggregate with children (a plan
// and its lines), province-scoped, with money and typed ids mapped by convention only, and an
// unscoped aggregate beside it.

public readonly record struct PlanId(Guid Value) : IStronglyTypedId
{
    public static PlanId New() => new(Guid.CreateVersion7());
}

public readonly record struct PlanLineId(Guid Value) : IStronglyTypedId
{
    public static PlanLineId New() => new(Guid.CreateVersion7());
}

public readonly record struct NoteId(Guid Value) : IStronglyTypedId
{
    public static NoteId New() => new(Guid.CreateVersion7());
}

public sealed class Plan : AggregateRoot<PlanId>, IProvinceScoped
{
    private readonly List<PlanLine> _lines = [];

    private Plan()
    {
    }

    public string? ProvinceCode { get; private set; }

    public IReadOnlyCollection<PlanLine> Lines => _lines;

    public static Plan Open(string? province, params decimal[] amounts)
    {
        var plan = new Plan { Id = PlanId.New(), ProvinceCode = province };
        foreach (var amount in amounts)
        {
            plan.AddLine(Money.Mad(amount));
        }

        return plan;
    }

    public PlanLineId AddLine(Money amount, Money? ceiling = null)
    {
        var line = new PlanLine(amount, ceiling);
        _lines.Add(line);
        return line.Id;
    }

    public void ChangeLine(PlanLineId id, Money amount) => _lines.Single(l => l.Id == id).Change(amount);

    public void RemoveLine(PlanLineId id) => _lines.RemoveAll(l => l.Id == id);
}

public sealed class PlanLine : Entity<PlanLineId>, IPartOfAggregate<Plan>
{
    internal PlanLine(Money amount, Money? ceiling)
    {
        Id = PlanLineId.New();
        Amount = amount;
        Ceiling = ceiling;
    }

    private PlanLine()
    {
    }

    public Money Amount { get; private set; }

    public Money? Ceiling { get; private set; }

    internal void Change(Money amount) => Amount = amount;
}

public sealed class Note : AggregateRoot<NoteId>
{
    private Note()
    {
        Text = string.Empty;
    }

    public PlanId? About { get; private set; }

    public string Text { get; private set; }

    public static Note Write(string text, PlanId? about = null) => new() { Id = NoteId.New(), Text = text, About = about };
}

/// <summary>The configurations say nothing of converters, column types or key generation: the conventions do.</summary>
internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.HasMany(p => p.Lines).WithOne().IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ProvinceCode).HasMaxLength(6);
    }
}

internal sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> builder) => builder.ToTable("plan_lines");
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder) => builder.ToTable("notes");
}

internal sealed class TestModuleDbContext(DbContextOptions<TestModuleDbContext> options, ICurrentUser caller)
    : ModuleDbContext(options, caller)
{
    public override string Schema => "test_module";

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanLine> PlanLines => Set<PlanLine>();

    public DbSet<Note> Notes => Set<Note>();
}

/// <summary>Who the test module's context acts for.</summary>
internal sealed class Caller(CallerKind kind, string[] roles, string[] provinces) : ICurrentUser
{
    public static readonly Caller System = new(CallerKind.System, [], []);

    public CallerKind Kind { get; } = kind;

    public Guid? UserId => Kind == CallerKind.Staff ? Guid.Empty : null;

    public Guid? PartnerId => null;

    public IReadOnlyCollection<string> Roles { get; } = roles;

    public IReadOnlyCollection<string> Provinces { get; } = provinces;

    public bool IsNationalPartner => false;

    public static Caller Officer(params string[] provinces) => new(CallerKind.Staff, [BuildingBlocks.Application.Security.Roles.Officer], provinces);

    public static Caller ProgramManager() => new(CallerKind.Staff, [BuildingBlocks.Application.Security.Roles.ProgramManager], []);

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>A fresh database holding the test module's schema, for one test class; dropped after it.</summary>
public sealed class TestModuleDatabase : IAsyncLifetime
{
    public string Name { get; } = $"t_{Guid.NewGuid():N}";

    public string ConnectionString => TestDatabase.ConnectionStringFor(Name);

    internal TestModuleDbContext Context(ICurrentUser? caller = null) =>
        new(new DbContextOptionsBuilder<TestModuleDbContext>()
                .UseNpgsql(ConnectionString)
                .UseSnakeCaseNamingConvention()
                .Options,
            caller ?? Caller.System);

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => TestDatabase.DropAsync(Name);

    internal async Task<PlanId> SaveAsync(Plan plan)
    {
        await using var db = Context();
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    internal async Task<Plan> LoadAsync(TestModuleDbContext db, PlanId id) =>
        await db.Plans.Include(p => p.Lines).SingleAsync(p => p.Id == id);

    internal async Task<uint> VersionOfAsync(PlanId id)
    {
        await using var db = Context();
        return await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }
}

/// <summary>An entity that is neither a root nor declared part of one: a module must not be able to map it.</summary>
public sealed class Stray : Entity<NoteId>
{
    private Stray()
    {
    }
}

internal sealed class StrayDbContext(DbContextOptions<StrayDbContext> options)
    : ModuleDbContext(options, Caller.System)
{
    public override string Schema => "stray";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Stray>().ToTable("strays");
        base.OnModelCreating(modelBuilder);
    }
}
