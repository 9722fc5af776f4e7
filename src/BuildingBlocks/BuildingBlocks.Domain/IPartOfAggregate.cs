namespace BuildingBlocks.Domain;

/// <summary>
/// Declares that an entity lives inside the aggregate whose root is <typeparamref name="TRoot"/>
/// (a plan's lines, a convention's parties). Any change to it, added, modified or removed, moves
/// the root's version, so optimistic concurrency covers the whole aggregate and not only the root
/// row. The persistence layer finds the root through the relationship the root's configuration
/// declares (e.g. <c>builder.HasMany(p =&gt; p.Lines).WithOne()</c>); an entity of a module that is
/// neither a root nor part of one is refused when the model is built.
/// </summary>
public interface IPartOfAggregate<TRoot>
    where TRoot : IAggregateRoot;
