using BuildingBlocks.Contracts;

namespace Financing.Contracts;

/// <summary>How often a financed project is visited, handed to Mentoring with the approval.</summary>
/// <param name="MonthlyVisitsForMonths">Monthly visits for this many months from the start (6 by default).</param>
/// <param name="QuarterlyVisitsUntilMonth">Then one visit a quarter until this month (24 by default).</param>
public sealed record FollowUpPolicy(int MonthlyVisitsForMonths, int QuarterlyVisitsUntilMonth);

/// <summary>
/// A selection committee approved an application. The project is known in every module by its
/// application's id. Amounts in MAD with two decimals. Mentoring starts waiting for a mentor;
/// Applicants moves the application to <c>Approved</c>.
/// </summary>
[IntegrationEventName("financing.application-approved", 1)]
public sealed record ApplicationApprovedIntegrationEvent(
    Guid ApplicationId,
    Guid ProgrammeId,
    Guid FinancingId,
    Guid CommitteeId,
    string HolderKind,
    Guid HolderId,
    string Sector,
    string CommuneCode,
    string ProvinceCode,
    decimal TotalCost,
    decimal GrantAmount,
    decimal LoanAmount,
    FollowUpPolicy FollowUp,
    string? CoordinatorEmail,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A selection committee rejected an application, with its reason.</summary>
[IntegrationEventName("financing.application-rejected", 1)]
public sealed record ApplicationRejectedIntegrationEvent(
    Guid ApplicationId,
    Guid ProgrammeId,
    Guid CommitteeId,
    string Reason,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>A selection committee deferred an application to a later session.</summary>
[IntegrationEventName("financing.application-deferred", 1)]
public sealed record ApplicationDeferredIntegrationEvent(
    Guid ApplicationId,
    Guid ProgrammeId,
    Guid CommitteeId,
    string? Reason,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>
/// A tranche of a project's grant was paid. <c>TrancheNumber</c> starts at 1; the first one moves
/// the application to <c>Financed</c>.
/// </summary>
[IntegrationEventName("financing.tranche-disbursed", 1)]
public sealed record TrancheDisbursedIntegrationEvent(
    Guid FinancingId,
    Guid ApplicationId,
    Guid ProgrammeId,
    int TrancheNumber,
    int TrancheCount,
    decimal Amount,
    DateOnly DisbursedOn,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);

/// <summary>
/// A loan fell into arrears (its oldest unpaid instalment is past due) or moved to a worse bucket:
/// <c>1-30</c>, <c>31-60</c>, <c>61-90</c>, <c>90+</c> days. Mentoring alerts the project's mentor.
/// </summary>
[IntegrationEventName("financing.loan-fell-into-arrears", 1)]
public sealed record LoanFellIntoArrearsIntegrationEvent(
    Guid LoanId,
    Guid ApplicationId,
    Guid ProgrammeId,
    int DaysPastDue,
    string Bucket,
    decimal AmountOverdue,
    DateOnly AsOf,
    DateTimeOffset OccurredOn) : IntegrationEvent(OccurredOn);
