using Applicants.Application.Geography;
using Applicants.Domain.Applications;
using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Applications;

/// <summary>What a project application states of the project, when staff file it or a partner refers it alike. Amounts in MAD, at most two decimals.</summary>
public interface IProjectInput
{
    /// <summary>The programme applied to (GET /api/v1/programmes); it must be open.</summary>
    Guid? ProgrammeId { get; }

    /// <summary>The project's title, at most 200 characters.</summary>
    string? Title { get; }

    /// <summary>The project's sector of activity.</summary>
    Sector? Sector { get; }

    /// <summary>Where the project is (HCP commune code, e.g. 03.531.01.01); it decides the application's province.</summary>
    string? CommuneCode { get; }

    /// <summary>What the project is, at most 4,000 characters.</summary>
    string? Description { get; }

    /// <summary>The project's estimated total cost, in MAD, more than 0.</summary>
    decimal? EstimatedTotalCost { get; }

    /// <summary>What the holder asks for, in MAD, more than 0; with the own contribution, at most the total cost.</summary>
    decimal? RequestedAmount { get; }

    /// <summary>What the holder brings, in MAD, 0 or more.</summary>
    decimal? OwnContribution { get; }

    /// <summary>Jobs the project expects to create, the holder's included.</summary>
    int? ExpectedJobs { get; }
}

/// <summary>What a staff member states when filing an application: the project, and who holds it.</summary>
public interface IApplicationInput : IProjectInput
{
    /// <summary>Person, or Group (a cooperative or association).</summary>
    HolderKind? HolderKind { get; }

    /// <summary>The person's id (POST /api/v1/applicants) or the group's (POST /api/v1/groups).</summary>
    Guid? HolderId { get; }
}

internal sealed class ApplicationInputValidator : AbstractValidator<IApplicationInput>
{
    public ApplicationInputValidator()
    {
        RuleFor(c => c.HolderKind).NotNull().IsInEnum();
        RuleFor(c => c.HolderId).NotEmpty();
    }
}

internal sealed class ProjectInputValidator : AbstractValidator<IProjectInput>
{
    public ProjectInputValidator()
    {
        RuleFor(c => c.ProgrammeId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Sector).NotNull().IsInEnum();
        RuleFor(c => c.CommuneCode).NotEmpty().MaximumLength(12).Matches(GeographyCodes.CommunePattern);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.EstimatedTotalCost).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(c => c.RequestedAmount).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(c => c.OwnContribution).NotNull().GreaterThanOrEqualTo(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(c => c.ExpectedJobs).NotNull().InclusiveBetween(0, 10_000);
    }
}

/// <summary>How a staff member says where an application came from.</summary>
public interface IIntakeInput
{
    /// <summary>WalkIn, CampaignStop (then campaignId and campaignStopId) or Online; partner referrals come through POST /api/v1/partner/referrals.</summary>
    IntakeChannel? Channel { get; }

    /// <summary>The outreach campaign (caravan) it was registered by (GET /api/v1/campaigns), when the channel is CampaignStop.</summary>
    Guid? CampaignId { get; }

    /// <summary>The stop of that campaign it was registered at (GET /api/v1/campaigns/{id}), when the channel is CampaignStop.</summary>
    Guid? CampaignStopId { get; }
}

internal sealed class IntakeInputValidator : AbstractValidator<IIntakeInput>
{
    public IntakeInputValidator()
    {
        RuleFor(c => c.Channel).NotNull().IsInEnum();
        RuleFor(c => c.CampaignId).NotEmpty().When(c => c.Channel == IntakeChannel.CampaignStop)
            .WithMessage("A campaign is required when the channel is CampaignStop.");
        RuleFor(c => c.CampaignId).Null().When(c => c.Channel != IntakeChannel.CampaignStop)
            .WithMessage("A campaign is given only when the channel is CampaignStop.");
        RuleFor(c => c.CampaignStopId).NotEmpty().When(c => c.Channel == IntakeChannel.CampaignStop)
            .WithMessage("A campaign stop is required when the channel is CampaignStop.");
        RuleFor(c => c.CampaignStopId).Null().When(c => c.Channel != IntakeChannel.CampaignStop)
            .WithMessage("A campaign stop is given only when the channel is CampaignStop.");
    }
}
