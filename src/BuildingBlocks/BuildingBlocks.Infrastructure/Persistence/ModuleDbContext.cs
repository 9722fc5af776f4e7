using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// The base of every module's DbContext: its own schema, its outbox and inbox; money and typed
/// ids mapped by convention; optimistic concurrency over whole aggregates; and the province rule
/// for every <see cref="IProvinceScoped"/> record — reads are filtered, writes outside the
/// caller's provinces are refused, bulk writes on scoped tables need a nationwide caller.
/// See docs/adr/0005 and 0008.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private ICurrentUser? _currentUser;
    private bool _holdsConnection;
    private object? _lease;
    private Regex[]? _provinceScopedTables;

    /// <summary>
    /// The pooled form (issue 13): the context outlives a request, so the caller is not a
    /// constructor argument but bound for each lease by the scope that rents it
    /// (<see cref="DatabaseRegistration.AddSchemaDbContext{TContext}"/>, <see cref="ScopeBinding{TContext}"/>),
    /// and forgotten when it goes back.
    /// </summary>
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
        // Every transaction here is a unit of work's own, which commits or rolls back whole, or the
        // inbox's, which takes its own savepoint around each message: EF's SAVEPOINT/RELEASE pair
        // around each SaveChanges inside it would only add two statements to every command.
        // Set at construction, so the pool restores it on every lease.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>A context bound to one caller for its whole life, not pooled (a test's own context, for instance).</summary>
    protected ModuleDbContext(DbContextOptions options, ICurrentUser currentUser)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        _currentUser = currentUser;
    }

    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Statements this context sent that were not plain reads (<see cref="WriteCounter"/>); only differences mean anything.</summary>
    internal int Writes { get; set; }

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>
    /// Decided at use, not at construction: the context can be created before the caller is
    /// authenticated. The query filters read it when a query runs; EF parameterises it per context instance.
    /// </summary>
    internal ProvinceAccess Access => ProvinceAccess.For(_currentUser ?? throw new InvalidOperationException(
        $"{GetType().Name} has no caller: take it from a service scope, which binds its caller to the pooled context."));

    /// <summary>Binds the scope's caller to a context just rented from the pool; answers the lease's token.</summary>
    internal object Lease(ICurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        _currentUser = caller;
        return _lease = new object();
    }

    /// <summary>The tables of province-scoped entities, as they appear in the SQL EF generates.</summary>
    internal IReadOnlyList<Regex> ProvinceScopedTables => _provinceScopedTables ??= FindProvinceScopedTables();

    /// <summary>
    /// Opens the connection for the rest of the scope (the unit of work does, so that the endpoint's
    /// read-back runs on the command's connection), to be closed when the context goes back.
    /// </summary>
    internal async Task HoldConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_holdsConnection)
        {
            await Database.OpenConnectionAsync(cancellationToken);
            _holdsConnection = true;
        }
    }

    /// <summary>
    /// Before going back to the pool, the context forgets its caller (a lease that were not bound
    /// again would fail on its first query instead of answering for the previous request's caller)
    /// and closes the connection it held: EF's pool resets an owned connection without forgetting
    /// that it was opened, and a context coming back "open" refuses another connection (the import
    /// worker's) and never closes one itself again. Only for the lease that is still the current
    /// one: a late call for an earlier lease must not touch the next holder's.
    /// </summary>
    internal async ValueTask ReleaseAsync(object lease)
    {
        if (EndLease(lease))
        {
            await Database.CloseConnectionAsync();
        }
    }

    /// <inheritdoc cref="ReleaseAsync"/>
    internal void Release(object lease)
    {
        if (EndLease(lease))
        {
            Database.CloseConnection();
        }
    }

    /// <summary>Forgets the caller if <paramref name="lease"/> is still the current one; true when the connection held for it must be closed.</summary>
    private bool EndLease(object lease)
    {
        if (!ReferenceEquals(Interlocked.CompareExchange(ref _lease, null, lease), lease))
        {
            return false;
        }

        _currentUser = null;
        var held = _holdsConnection;
        _holdsConnection = false;
        return held;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // The registration adds the guard to the options it builds (a pooled context's options
        // cannot be changed here); a context built from other options gets it here.
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (!interceptors.Contains(BulkOperationGuard.Instance))
        {
            optionsBuilder.AddInterceptors(BulkOperationGuard.Instance, WriteCounter.Instance);
        }
    }

    /// <summary>
    /// Money is <c>numeric(14,2)</c> and every typed id a <c>uuid</c>, for every module: a module's
    /// configuration never repeats a converter.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>().HavePrecision(14, 2);
        foreach (var id in TypedIds())
        {
            configurationBuilder.Properties(id).HaveConversion(typeof(TypedIdConverter<>).MakeGenericType(id));
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null).ToList())
        {
            var builder = modelBuilder.Entity(entity.ClrType);

            // Typed ids are made by the domain (Guid.CreateVersion7()), never by the database. Left
            // "generated", EF would take a new child with its id set for an existing row and update it.
            foreach (var key in entity.FindPrimaryKey()?.Properties.Where(p => IsTypedId(p.ClrType)) ?? [])
            {
                builder.Property(key.Name).ValueGeneratedNever();
            }

            if (IsAggregateRoot(entity.ClrType))
            {
                builder.Property(nameof(AggregateRoot<Guid>.Version)).IsRowVersion();
            }
            else if (IsDomainEntity(entity.ClrType))
            {
                EnsureRootIsReachable(entity);
            }

            if (typeof(IProvinceScoped).IsAssignableFrom(entity.ClrType))
            {
                builder.HasQueryFilter(ProvinceFilter(entity.ClrType));
            }
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        VersionWholeAggregates();
        GuardProvinces();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        VersionWholeAggregates();
        GuardProvinces();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// A change to any entity of an aggregate is a change to the aggregate: its root is marked
    /// modified, so its UPDATE runs with the <c>xmin</c> check (two callers changing different
    /// children from one version cannot both win) and moves the version. It also puts the root
    /// before the province guard, so a child cannot be changed in a province the caller may not write.
    /// </summary>
    private void VersionWholeAggregates()
    {
        ChangeTracker.DetectChanges();
        // One listing per save: Entries() detects changes again at every call, which made the
        // search for each part's root quadratic in the number of tracked entities.
        var tracked = ChangeTracker.Entries().ToList();
        var changedParts = tracked
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && RootTypeOf(e.Metadata.ClrType) is not null)
            .ToList();
        foreach (var root in changedParts.Select(part => FindRoot(part, tracked)).Distinct())
        {
            // A root is written only when one of its columns is: the version alone (xmin, which the
            // database sets, after ExpectVersion) would leave EF nothing to send, and no check.
            if (root.State is EntityState.Unchanged or EntityState.Modified && !root.Properties.Any(p => p.IsModified && IsWritten(p.Metadata)))
            {
                var column = root.Properties.FirstOrDefault(p => IsWritten(p.Metadata)) ?? throw new InvalidOperationException(
                    $"{root.Metadata.ClrType.Name} has no column besides its key and version: nothing to write when one of its parts changes.");
                column.IsModified = true;
            }
        }
    }

    private static bool IsWritten(IReadOnlyProperty property) => !property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.Never;

    private static EntityEntry FindRoot(EntityEntry part, List<EntityEntry> tracked)
    {
        var rootType = RootTypeOf(part.Metadata.ClrType)!;
        var current = part;
        while (current.Metadata.ClrType != rootType)
        {
            var link = LinkTowards(current.Metadata, rootType)!;
            var values = current.State == EntityState.Deleted ? current.OriginalValues : current.CurrentValues;
            var key = link.Properties.Select(p => values[p.Name]).ToArray();
            current = tracked
                .Find(e => e.Metadata == link.PrincipalEntityType
                    && link.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key))
                ?? throw new InvalidOperationException(
                    $"{part.Metadata.ClrType.Name} was changed without its aggregate root {rootType.Name} being loaded: "
                    + "change an aggregate through its root, so that its version and the province rule cover the change.");
        }

        return current;
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

    /// <summary>
    /// <see cref="ProvinceAccess.ReadRule"/> applied to the entity: <c>e =&gt; rule(this.Access, e.ProvinceCode)</c>.
    /// EF evaluates <c>this.Access.All</c> and <c>this.Access.Listed</c> per query, for the context running it.
    /// </summary>
    private LambdaExpression ProvinceFilter(Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        var rule = ProvinceAccess.ReadRule;
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = Expression.Property(Expression.Constant(this), typeof(ModuleDbContext).GetProperty(nameof(Access), BindingFlags.Instance | BindingFlags.NonPublic)!),
            [rule.Parameters[1]] = Expression.Property(entity, nameof(IProvinceScoped.ProvinceCode)),
        }).Visit(rule.Body);
        return Expression.Lambda(body, entity);
    }

    private Regex[] FindProvinceScopedTables()
    {
        var sql = this.GetService<ISqlGenerationHelper>();
        return [.. Model.GetEntityTypes()
            .Where(e => typeof(IProvinceScoped).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
            .Select(e => BulkOperationGuard.TargetPattern(sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema())))];
    }

    /// <summary>
    /// The typed ids this module can use: value types implementing <see cref="IStronglyTypedId"/> in
    /// the context's assembly and in the assemblies it references that build on BuildingBlocks.Domain
    /// (the module's Domain).
    /// </summary>
    private IEnumerable<Type> TypedIds()
    {
        var domain = typeof(IStronglyTypedId).Assembly.GetName().Name;
        var own = GetType().Assembly;
        var assemblies = own.GetReferencedAssemblies()
            .Where(name => name.Name == domain || !IsFramework(name.Name))
            .Select(Assembly.Load)
            .Where(a => a.GetName().Name == domain || a.GetReferencedAssemblies().Any(r => r.Name == domain))
            .Prepend(own)
            .Distinct();
        return assemblies.SelectMany(LoadableTypes).Where(t => t.IsValueType && !t.ContainsGenericParameters && IsTypedId(t));
    }

    private static bool IsFramework(string? name) =>
        name is null || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name.StartsWith("Npgsql", StringComparison.Ordinal) || name is "netstandard" or "mscorlib";

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private static bool IsTypedId(Type type) => typeof(IStronglyTypedId).IsAssignableFrom(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>The root an entity declares with <see cref="IPartOfAggregate{TRoot}"/>, if any.</summary>
    private static Type? RootTypeOf(Type type) =>
        type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOfAggregate<>))
            ?.GetGenericArguments()[0];

    /// <summary>The relationship that leads from a part towards its root: straight to it, or to another part of it.</summary>
    private static IReadOnlyForeignKey? LinkTowards(IReadOnlyEntityType part, Type rootType) =>
        part.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType.ClrType == rootType)
        ?? part.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType != part && RootTypeOf(fk.PrincipalEntityType.ClrType) == rootType);

    private static void EnsureRootIsReachable(IReadOnlyEntityType entity)
    {
        var rootType = RootTypeOf(entity.ClrType) ?? throw new InvalidOperationException(
            $"{entity.ClrType.Name} is an entity but neither an aggregate root nor declared part of one: "
            + $"add IPartOfAggregate<TheRoot> so that a change to it moves its root's version.");
        if (LinkTowards(entity, rootType) is null)
        {
            throw new InvalidOperationException(
                $"{entity.ClrType.Name} is declared part of {rootType.Name} but no relationship leads to it: "
                + $"configure it on the root, e.g. builder.HasMany(r => r.{entity.ClrType.Name}s).WithOne().");
        }
    }

    private static bool IsAggregateRoot(Type type) => DerivesFrom(type, typeof(AggregateRoot<>));

    private static bool IsDomainEntity(Type type) => DerivesFrom(type, typeof(Entity<>));

    private static bool DerivesFrom(Type type, Type openGeneric)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
