namespace BuildingBlocks.Domain;

/// <summary>An object with an identity that outlives changes to its state.</summary>
public abstract class Entity<TId>
    where TId : struct
{
    public TId Id { get; protected init; }

    /// <summary>Throws <see cref="BusinessRuleException"/> when the rule is broken.</summary>
    protected static void CheckRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }
    }
}
