using BuildingBlocks.Domain;
using FluentValidation;
using Mentoring.Domain.Projects;

namespace Mentoring.Application.Visits;

/// <summary>The new day of a planned visit, and why it moves.</summary>
public interface IRescheduleVisitInput
{
    /// <summary>The new day (from today on, within five years).</summary>
    DateOnly? DueOn { get; }

    /// <summary>Why the visit moves.</summary>
    string? Reason { get; }
}

internal sealed class RescheduleVisitInputValidator : AbstractValidator<IRescheduleVisitInput>
{
    public RescheduleVisitInputValidator()
    {
        RuleFor(c => c.DueOn).NotNull();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

/// <summary>What the mentor found at a visit.</summary>
public interface IVisitReportInput
{
    /// <summary>The day the visit took place: not in the future, not before the project's approval.</summary>
    DateOnly? VisitedOn { get; }

    /// <summary>On site or by phone.</summary>
    VisitMode? Mode { get; }

    /// <summary>The enterprise's state: NotStarted, Active, Struggling or Ceased (Ceased ends the plan and cancels the remaining visits).</summary>
    EnterpriseState? EnterpriseState { get; }

    /// <summary>The enterprise's monthly revenue in MAD (a number with at most two decimals); leave it out when unknown.</summary>
    decimal? MonthlyRevenue { get; }

    /// <summary>Jobs the enterprise gives women, the holder included.</summary>
    int? JobsHeldByWomen { get; }

    /// <summary>Jobs the enterprise gives men, the holder included.</summary>
    int? JobsHeldByMen { get; }

    /// <summary>Problems the enterprise met.</summary>
    string? Problems { get; }

    /// <summary>What the mentor recommended.</summary>
    string? Recommendations { get; }

    /// <summary>The overall assessment; a positive one may release a conditional tranche in Financing.</summary>
    bool? Positive { get; }
}

internal sealed class VisitReportInputValidator : AbstractValidator<IVisitReportInput>
{
    public VisitReportInputValidator()
    {
        RuleFor(c => c.VisitedOn).NotNull();
        RuleFor(c => c.Mode).NotNull().IsInEnum();
        RuleFor(c => c.EnterpriseState).NotNull().IsInEnum();
        RuleFor(c => c.MonthlyRevenue).InclusiveBetween(0m, Money.MaxAmount).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.JobsHeldByWomen).NotNull().InclusiveBetween(0, 1000);
        RuleFor(c => c.JobsHeldByMen).NotNull().InclusiveBetween(0, 1000);
        RuleFor(c => c.Problems).MaximumLength(2000);
        RuleFor(c => c.Recommendations).MaximumLength(2000);
        RuleFor(c => c.Positive).NotNull();
    }
}
