using BuildingBlocks.Domain;

namespace Partnerships.Domain.Conventions;

public readonly record struct ConventionId(Guid Value) : IStronglyTypedId
{
    public static ConventionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ConventionPartyId(Guid Value) : IStronglyTypedId
{
    public static ConventionPartyId New() => new(Guid.CreateVersion7());
}

public readonly record struct ObligationId(Guid Value) : IStronglyTypedId
{
    public static ObligationId New() => new(Guid.CreateVersion7());
}

public readonly record struct AmendmentId(Guid Value) : IStronglyTypedId
{
    public static AmendmentId New() => new(Guid.CreateVersion7());
}

/// <summary>What a convention is.</summary>
public enum ConventionKind
{
    /// <summary>A framework convention: sets the partnership's principles, specific conventions implement it (ADS × HCAR).</summary>
    Framework,

    /// <summary>A specific convention: one programme, one territory, with figures (Nador's AGR programme with the incubator).</summary>
    Specific,

    /// <summary>An amendment signed as a document of its own (an avenant).</summary>
    Amendment,
}

/// <summary>Where a convention is in its life: draft → signed → active → expired or terminated.</summary>
public enum ConventionStatus
{
    /// <summary>Being negotiated; its terms can still be corrected.</summary>
    Draft,

    /// <summary>Signed by every party; not yet in force.</summary>
    Signed,

    /// <summary>In force: between its effective date and its expiry.</summary>
    Active,

    /// <summary>Its duration has run out; it can be renewed.</summary>
    Expired,

    /// <summary>Ended early by the parties.</summary>
    Terminated,
}

/// <summary>What a partner does under a convention.</summary>
public enum PartyRole
{
    /// <summary>Brings money.</summary>
    Funder,

    /// <summary>Carries out the actions (training, accompaniment, works).</summary>
    Implementer,

    /// <summary>Incubates projects and accompanies their holders (a social incubator).</summary>
    Incubator,

    /// <summary>Proposes candidates and is kept informed of their projects' stages.</summary>
    Referrer,
}

/// <summary>Where a deliverable stands. <c>Late</c> is never stored: a pending deliverable past its due date reads as late.</summary>
public enum ObligationStatus
{
    /// <summary>Not yet delivered, due date not passed.</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Done,

    /// <summary>Not delivered and past its due date.</summary>
    Late,

    /// <summary>Released by the parties: no longer owed.</summary>
    Waived,
}

/// <summary>A payment planned under a financial commitment.</summary>
/// <param name="DueOn">When it is due.</param>
/// <param name="Amount">How much, in MAD.</param>
public sealed record Instalment(DateOnly DueOn, Money Amount);

/// <summary>A party's financial commitment.</summary>
/// <param name="PartnerId">The committed partner; null for the agency itself.</param>
/// <param name="Amount">The amount committed, in MAD.</param>
/// <param name="Purpose">What the money pays for.</param>
/// <param name="Schedule">When it is paid; when given, the instalments add up to the amount.</param>
public sealed record FinancialCommitment(Guid? PartnerId, Money Amount, string? Purpose, IReadOnlyList<Instalment> Schedule);

/// <summary>
/// What an amendment changes, and what it keeps a copy of: the title, the duration, the scope
/// and the financial commitments.
/// </summary>
/// <param name="Title">The convention's title.</param>
/// <param name="DurationMonths">How long it is in force, in months.</param>
/// <param name="ProvinceCodes">The provinces or prefectures it covers.</param>
/// <param name="ProgrammeIds">The Financing programmes it frames.</param>
/// <param name="Commitments">Each party's financial commitments (a null partner is the agency).</param>
public sealed record ConventionTerms(
    string Title,
    int DurationMonths,
    IReadOnlyList<string> ProvinceCodes,
    IReadOnlyList<Guid> ProgrammeIds,
    IReadOnlyList<FinancialCommitment> Commitments);

/// <summary>A partner and its role, as stated when the convention is drawn up.</summary>
public sealed record PartyDetails(Guid PartnerId, PartyRole Role);

/// <summary>A deliverable, as stated when the convention is drawn up or later.</summary>
public sealed record ObligationDetails(Guid? PartnerId, string Description, DateOnly DueOn);
