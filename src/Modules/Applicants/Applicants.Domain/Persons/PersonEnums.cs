namespace Applicants.Domain.Persons;

/// <summary>Sex as on the identity card; beneficiaries are counted by it.</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}

/// <summary>The highest level of education reached.</summary>
public enum EducationLevel
{
    /// <summary>Never went to school.</summary>
    None,

    /// <summary>Literacy classes, or Koranic school only.</summary>
    Literacy,

    /// <summary>Primary school.</summary>
    Primary,

    /// <summary>Lower secondary (collège).</summary>
    LowerSecondary,

    /// <summary>Upper secondary (lycée), up to the baccalauréat.</summary>
    UpperSecondary,

    /// <summary>Vocational training (OFPPT and the like).</summary>
    Vocational,

    /// <summary>University or a higher school.</summary>
    Higher,
}

/// <summary>Whether the person lives with a disability, and which.</summary>
public enum Disability
{
    /// <summary>No disability.</summary>
    None,

    /// <summary>A motor disability.</summary>
    Motor,

    /// <summary>Blind or partially sighted.</summary>
    Visual,

    /// <summary>Deaf or hard of hearing.</summary>
    Hearing,

    /// <summary>A mental or intellectual disability.</summary>
    Mental,

    /// <summary>Several disabilities.</summary>
    Multiple,
}

/// <summary>The vulnerable groups the programmes target; a person may belong to several.</summary>
public enum VulnerabilityCategory
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

    /// <summary>Another situation, stated in the justification.</summary>
    Other,
}

/// <summary>What the person does for a living when registered.</summary>
public enum EmploymentStatus
{
    /// <summary>Looking for work.</summary>
    Unemployed,

    /// <summary>Works without a contract or declaration.</summary>
    InformallyEmployed,

    /// <summary>An employee.</summary>
    Employed,

    /// <summary>Runs an activity of their own.</summary>
    SelfEmployed,

    /// <summary>A pupil, a student or a trainee.</summary>
    Student,

    /// <summary>Neither working nor looking for work (at home, retired).</summary>
    Inactive,
}
