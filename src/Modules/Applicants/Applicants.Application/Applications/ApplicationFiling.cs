using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Domain;
using Financing.Contracts;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Applicants.Application.Applications;

/// <summary>Who holds an application, already found: its id, and every id Financing is asked about (a group's members too).</summary>
internal sealed record ApplicationHolder(HolderKind Kind, Guid Id, IReadOnlyCollection<Guid> FinancedCheck);

/// <summary>How an application reached the programme, already checked.</summary>
internal sealed record ApplicationIntake(IntakeChannel Channel, Guid? CampaignId, Guid? CampaignStopId, Guid? ReferringPartnerId);

/// <summary>
/// Files an application once its holder and intake are known, whoever files it: staff through
/// POST /api/v1/applications, a partner through its referral. The programme must be open; the
/// holder is flagged when Financing already financed them (or a member of the group). An unknown
/// programme is a 400 on <c>programmeField</c>, the field as the caller's request names it.
/// </summary>
internal static class ApplicationFiling
{
    public static async Task<ProjectApplication> FileAsync(
        IApplicantsDbContext db,
        ISender sender,
        IProjectInput project,
        string programmeField,
        string provinceCode,
        ApplicationHolder holder,
        ApplicationIntake intake,
        Actor by,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var rules = await sender.Send(new GetProgrammeRulesQuery(project.ProgrammeId!.Value), cancellationToken)
                    ?? throw new ValidationException([new ValidationFailure(programmeField, new LocalizedText(
                        "No programme has this id.", "Aucun programme ne porte cet identifiant.", "لا يوجد برنامج بهذا المعرف.").ToString())]);
        if (new ProgrammeMustBeOpenRule(rules.Status).IsBroken())
        {
            throw new BusinessRuleException(new ProgrammeMustBeOpenRule(rules.Status));
        }

        var financed = await sender.Send(new FindFinancedHoldersQuery(holder.FinancedCheck), cancellationToken);
        var application = ProjectApplication.Submit(
            new ApplicationDetails(
                project.ProgrammeId.Value,
                holder.Kind,
                holder.Id,
                project.Title!,
                project.Sector!.Value,
                project.CommuneCode!,
                provinceCode,
                project.Description!,
                Money.Mad(project.EstimatedTotalCost!.Value),
                Money.Mad(project.RequestedAmount!.Value),
                Money.Mad(project.OwnContribution!.Value),
                project.ExpectedJobs!.Value,
                intake.Channel,
                intake.CampaignId,
                intake.CampaignStopId,
                intake.ReferringPartnerId,
                financed.Count > 0),
            by,
            now);
        db.Applications.Add(application);
        return application;
    }
}
