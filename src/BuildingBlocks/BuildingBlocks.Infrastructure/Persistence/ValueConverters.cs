using System.Linq.Expressions;
using System.Reflection;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BuildingBlocks.Infrastructure.Persistence;

/// <summary>Money as its amount in MAD; the column is <c>numeric(14,2)</c>, set by the same convention.</summary>
internal sealed class MoneyConverter() : ValueConverter<Money, decimal>(money => money.Amount, amount => Money.Mad(amount));

/// <summary>
/// A typed id (<c>readonly record struct XxxId(Guid Value) : IStronglyTypedId</c>) as its Guid. One
/// closed type per id, applied by <see cref="ModuleDbContext"/>'s conventions to every property of that type.
/// </summary>
internal sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(ToGuid(), FromGuid())
    where TId : struct, IStronglyTypedId
{
    private static Expression<Func<TId, Guid>> ToGuid()
    {
        var id = Expression.Parameter(typeof(TId), "id");
        return Expression.Lambda<Func<TId, Guid>>(Expression.Property(id, nameof(IStronglyTypedId.Value)), id);
    }

    private static Expression<Func<Guid, TId>> FromGuid()
    {
        var constructor = typeof(TId).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(Guid)])
            ?? throw new InvalidOperationException($"{typeof(TId).Name} needs a constructor taking its Guid value, as `readonly record struct {typeof(TId).Name}(Guid Value)` has.");
        var value = Expression.Parameter(typeof(Guid), "value");
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(constructor, value), value);
    }
}
