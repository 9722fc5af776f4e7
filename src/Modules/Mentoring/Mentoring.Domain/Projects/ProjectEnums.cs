namespace Mentoring.Domain.Projects;

public enum ProjectStatus
{
    /// <summary>Approved by Financing; no mentor yet.</summary>
    AwaitingMentor,

    /// <summary>A mentor follows it through its visit plan.</summary>
    InFollowUp,

    /// <summary>Its plan ended: every visit reported, or the enterprise ceased.</summary>
    Completed,
}

public enum VisitStatus
{
    Planned,
    Reported,

    /// <summary>Dropped because the enterprise ceased before it.</summary>
    Cancelled,
}

public enum VisitMode
{
    OnSite,
    ByPhone,
}

public enum EnterpriseState
{
    NotStarted,
    Active,
    Struggling,
    Ceased,
}
