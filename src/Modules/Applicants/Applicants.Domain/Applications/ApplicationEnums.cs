using BuildingBlocks.Domain;

namespace Applicants.Domain.Applications;

public readonly record struct ProjectApplicationId(Guid Value) : IStronglyTypedId
{
    public static ProjectApplicationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct StageChangeId(Guid Value) : IStronglyTypedId
{
    public static StageChangeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Who holds a project: a person alone, or a group (cooperative or association).</summary>
public enum HolderKind
{
    Person,
    Group,
}

/// <summary>The project's sector of activity.</summary>
public enum Sector
{
    Agriculture,
    Livestock,
    Fishing,
    Crafts,
    AgriFood,
    Commerce,
    Services,
    Tourism,
    Other,
}

/// <summary>How the application reached the programme.</summary>
public enum IntakeChannel
{
    /// <summary>The holder came to an office.</summary>
    WalkIn,

    /// <summary>Registered at a stop of an outreach campaign (caravan).</summary>
    CampaignStop,

    /// <summary>Referred by a partner's system.</summary>
    PartnerReferral,

    /// <summary>Filed online.</summary>
    Online,
}

/// <summary>
/// Where an application stands: Submitted → Eligible / Ineligible → Approved / Rejected (the
/// committee's decision, told by Financing) → Financed (first tranche paid) → InFollowUp (a mentor
/// assigned) → Closed. Withdrawn by the holder before the money.
/// </summary>
public enum ApplicationStage
{
    Submitted,
    Eligible,
    Ineligible,
    Approved,
    Rejected,
    Financed,
    InFollowUp,
    Closed,
    Withdrawn,
}

/// <summary>Who moved an application: a staff member, a partner's system, or the system on another module's event.</summary>
public enum ActorKind
{
    Staff,
    Partner,
    System,
}

/// <summary>Who made a change, for the application's history.</summary>
public readonly record struct Actor(ActorKind Kind, Guid? Id)
{
    public static Actor System { get; } = new(ActorKind.System, null);
}
