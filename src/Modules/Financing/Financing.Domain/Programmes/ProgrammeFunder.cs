using BuildingBlocks.Domain;

namespace Financing.Domain.Programmes;

/// <summary>
/// A funder's share of a programme's envelope (INDH, ADS, a provincial council), with what it has
/// committed to approved plans and what it has paid out. Committed never exceeds the envelope:
/// the programme's version guards it, so two approvals against the last of an envelope cannot
/// both be saved.
/// </summary>
public sealed class ProgrammeFunder : Entity<ProgrammeFunderId>, IPartOfAggregate<Programme>
{
    private ProgrammeFunder()
    {
    }

    /// <summary>The partner organisation (Partnerships) that funds.</summary>
    public Guid PartnerId { get; private set; }

    public Money Envelope { get; private set; }

    public Money Committed { get; private set; }

    public Money Disbursed { get; private set; }

    public Money Remaining => Envelope - Committed;

    internal static ProgrammeFunder Create(Guid partnerId, Money envelope) =>
        new() { Id = ProgrammeFunderId.New(), PartnerId = partnerId, Envelope = envelope, Committed = Money.Zero, Disbursed = Money.Zero };

    internal void ChangeEnvelope(Money envelope)
    {
        if (envelope < Committed)
        {
            throw new BusinessRuleException(new Rules.EnvelopeMustCoverCommitmentsRule(envelope, Committed));
        }

        Envelope = envelope;
    }

    internal void Commit(Money amount)
    {
        if (amount > Remaining)
        {
            throw new BusinessRuleException(new Rules.GrantMustFitFunderEnvelopeRule(PartnerId, amount, Remaining));
        }

        Committed += amount;
    }

    internal void Release(Money amount) => Committed -= amount;

    internal void Disburse(Money amount) => Disbursed += amount;
}
