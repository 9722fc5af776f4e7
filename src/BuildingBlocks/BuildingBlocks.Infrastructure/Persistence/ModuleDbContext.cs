using System.Linq.Expressions;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The base of every module's DbContext: its own schema, its outbox and inbox, optimistic
/// concurrency on aggregates, and the province rule for every <see cref="IProvinceScoped"/>
/// record — reads are filtered, writes outside the caller's provinces are refused.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private readonly ICurrentUser _currentUser;

    protected ModuleDbContext(DbContextOptions options, ICurrentUser currentUser)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        _currentUser = currentUser;
    }

    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Read by the query filters when a query runs; EF parameterises it per context instance.</summary>
    public bool SeesAllProvinces => Access.All;

    /// <summary>Read by the query filters when a query runs; EF parameterises it per context instance.</summary>
    public IReadOnlyList<string> VisibleProvinces => [.. Access.Codes];

    /// <summary>Decided at use, not at construction: the context can be created before the caller is authenticated.</summary>
    private ProvinceAccess Access => ProvinceAccess.For(_currentUser);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null).ToList())
        {
            if (IsAggregateRoot(entity.ClrType))
            {
                modelBuilder.Entity(entity.ClrType).Property(nameof(AggregateRoot<Guid>.Version)).IsRowVersion();
            }

            if (typeof(IProvinceScoped).IsAssignableFrom(entity.ClrType))
            {
                modelBuilder.Entity(entity.ClrType).HasQueryFilter(ProvinceFilter(entity.ClrType));
            }
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardProvinces();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardProvinces();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void GuardProvinces()
    {
        var access = Access;
        if (access.All)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<IProvinceScoped>())
        {
            var refused = entry.State switch
            {
                EntityState.Added => !access.CanWrite(entry.Entity.ProvinceCode),
                EntityState.Modified or EntityState.Deleted =>
                    !access.CanWrite(entry.Entity.ProvinceCode)
                    || !access.CanWrite(entry.OriginalValues.GetValue<string?>(nameof(IProvinceScoped.ProvinceCode))),
                _ => false,
            };
            if (refused)
            {
                throw new ForbiddenException("The record belongs to a province outside the caller's provinces.");
            }
        }
    }

    private LambdaExpression ProvinceFilter(Type entityType)
    {
        // e => this.SeesAllProvinces || e.ProvinceCode == null || this.VisibleProvinces.Contains(e.ProvinceCode)
        var entity = Expression.Parameter(entityType, "e");
        var context = Expression.Constant(this);
        var province = Expression.Property(entity, nameof(IProvinceScoped.ProvinceCode));
        var body = Expression.OrElse(
            Expression.Property(context, nameof(SeesAllProvinces)),
            Expression.OrElse(
                Expression.Equal(province, Expression.Constant(null, typeof(string))),
                Expression.Call(
                    typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
                    Expression.Property(context, nameof(VisibleProvinces)),
                    province)));
        return Expression.Lambda(body, entity);
    }

    private static bool IsAggregateRoot(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return true;
            }
        }

        return false;
    }
}
