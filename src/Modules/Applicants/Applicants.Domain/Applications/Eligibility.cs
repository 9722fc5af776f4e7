namespace Applicants.Domain.Applications;

/// <summary>One of a programme's rules, checked against an application: its name, whether it is met, and what was compared.</summary>
/// <param name="Rule">holder-kind, province, age, target-category, maximum-cost, maximum-grant or own-contribution.</param>
public sealed record EligibilityCheck(string Rule, bool Met, string Detail);
