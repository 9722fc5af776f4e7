using Applicants.Application.Abstractions;
using Applicants.Application.Persons;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.SubmitApplication;

/// <summary>
/// Files a project application; answers its id. <c>ReferringPartnerId</c> is never sent by a
/// client: the partner referral endpoint sets it from the calling partner.
/// </summary>
public sealed record SubmitApplicationCommand(
    Guid? ProgrammeId,
    HolderKind? HolderKind,
    Guid? HolderId,
    string? Title,
    Sector? Sector,
    string? CommuneCode,
    string? Description,
    decimal? EstimatedTotalCost,
    decimal? RequestedAmount,
    decimal? OwnContribution,
    int? ExpectedJobs,
    IntakeChannel? Channel,
    Guid? CampaignId,
    Guid? CampaignStopId,
    Guid? ReferringPartnerId = null) : ICommand<Guid>, IApplicationInput, IIntakeInput;

internal sealed class SubmitApplicationCommandValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationCommandValidator()
    {
        Include(new ProjectInputValidator());
        Include(new ApplicationInputValidator());
        Include(new IntakeInputValidator());
        RuleFor(c => c.Channel).NotEqual(IntakeChannel.PartnerReferral).When(c => c.ReferringPartnerId is null)
            .WithMessage("Partner referrals come through POST /api/v1/partner/referrals.");
    }
}

internal sealed class SubmitApplicationCommandHandler(IApplicantsDbContext db, ISender sender, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<SubmitApplicationCommand, Guid>
{
    public async ValueTask<Guid> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var holderId = command.HolderId!.Value;
        IReadOnlyCollection<Guid> holders = command.HolderKind switch
        {
            HolderKind.Person => await db.Persons.AnyAsync(p => p.Id == new Domain.Persons.PersonId(holderId) && p.MergedIntoId == null, cancellationToken)
                ? [holderId]
                : throw Unknown(nameof(command.HolderId), "No person has this id.", "Aucune personne ne porte cet identifiant.", "لا يوجد شخص بهذا المعرف."),
            // A group is flagged already financed when the group, or any of its members, was.
            _ => await db.Groups.Where(g => g.Id == new Domain.Groups.GroupId(holderId)).Select(g => g.Members.Select(m => m.PersonId.Value).ToList()).FirstOrDefaultAsync(cancellationToken) is { } members
                ? [holderId, .. members]
                : throw Unknown(nameof(command.HolderId), "No group has this id.", "Aucun groupe ne porte cet identifiant.", "لا توجد مجموعة بهذا المعرف."),
        };

        if (command.CampaignStopId is { } stopId)
        {
            var campaignId = new Domain.Campaigns.CampaignId(command.CampaignId!.Value);
            if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
            {
                throw Unknown(nameof(command.CampaignId), "No campaign has this id.", "Aucune campagne ne porte cet identifiant.", "لا توجد حملة بهذا المعرف.");
            }

            var stop = new Domain.Campaigns.CampaignStopId(stopId);
            if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.Stops.Any(s => s.Id == stop), cancellationToken))
            {
                throw Unknown(nameof(command.CampaignStopId), "This campaign has no stop with this id.", "Cette campagne n'a pas d'étape portant cet identifiant.", "لا توجد لهذه الحملة محطة بهذا المعرف.");
            }
        }

        var province = await PersonConflicts.ProvinceOfCommuneAsync(db, command.CommuneCode!, cancellationToken, nameof(command.CommuneCode));
        var application = await ApplicationFiling.FileAsync(
            db,
            sender,
            command,
            nameof(command.ProgrammeId),
            province,
            new ApplicationHolder(command.HolderKind!.Value, holderId, holders),
            new ApplicationIntake(command.Channel!.Value, command.CampaignId, command.CampaignStopId, command.ReferringPartnerId),
            Actors.Of(caller),
            clock.GetUtcNow(),
            cancellationToken);
        return application.Id.Value;
    }

    private static ValidationException Unknown(string field, string en, string fr, string ar) =>
        new([new ValidationFailure(field, new LocalizedText(en, fr, ar).ToString())]);
}
