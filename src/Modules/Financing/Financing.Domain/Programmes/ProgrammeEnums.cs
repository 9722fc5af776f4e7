namespace Financing.Domain.Programmes;

/// <summary>Where a programme stands: it takes applications and approvals only while open.</summary>
public enum ProgrammeStatus
{
    /// <summary>Being set up: rules and funders may change; no application is taken.</summary>
    Draft,

    /// <summary>Takes applications and committee approvals.</summary>
    Open,

    /// <summary>Takes nothing new; financings already approved run their course.</summary>
    Closed,
}

/// <summary>
/// The vulnerable groups a programme targets. The names are those of Applicants' vulnerability
/// categories, so that an application's categories and a programme's targets compare by name.
/// </summary>
public enum TargetCategory
{
    /// <summary>A woman in a difficult situation (widowed, divorced, abandoned, head of household without resources).</summary>
    WomanInDifficultSituation,

    /// <summary>A person with a disability.</summary>
    PersonWithDisability,

    /// <summary>A young person living in a rural commune.</summary>
    RuralYouth,

    /// <summary>Neither in employment, nor in education or training (NEET).</summary>
    NotInEmploymentEducationOrTraining,

    /// <summary>A member of the family of a former resistance member or of the Liberation Army (HCAR).</summary>
    FamilyOfFormerResistanceMember,

    /// <summary>Another situation, stated in the applicant's justification.</summary>
    Other,
}

/// <summary>The kinds of money a programme may put into a project.</summary>
public enum FinancingInstrument
{
    /// <summary>A grant from one of the programme's funders, never repaid.</summary>
    Grant,

    /// <summary>An honour loan at 0 %, repaid to the programme.</summary>
    HonourLoan,

    /// <summary>A bank or microcredit loan through a partner institution.</summary>
    PartnerLoan,
}
