using BuildingBlocks.Application.Messaging;
using Financing.Contracts;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Projects.OpenMentorship;

/// <summary>A project Financing approved starts waiting for a mentor. Sent by the approval's handler only.</summary>
internal sealed record OpenMentorshipCommand(ApplicationApprovedIntegrationEvent Approval) : ICommand;

internal sealed class OpenMentorshipCommandHandler(IMentoringDbContext db) : ICommandHandler<OpenMentorshipCommand>
{
    public async ValueTask<Unit> Handle(OpenMentorshipCommand command, CancellationToken cancellationToken)
    {
        var e = command.Approval;
        var id = new ProjectId(e.ApplicationId);
        // Delivered at least once, and replayable: a project opened already stays as it is.
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Unit.Value;
        }

        var sector = Enum.TryParse<Sector>(e.Sector, ignoreCase: false, out var known) && Enum.IsDefined(known) ? known : Sector.Other;
        db.Projects.Add(MentoredProject.Open(
            id, e.ProgrammeId, sector, e.CommuneCode, e.ProvinceCode,
            e.FollowUp?.MonthlyVisitsForMonths ?? FollowUpSchedule.DefaultMonthly,
            e.FollowUp?.QuarterlyVisitsUntilMonth ?? FollowUpSchedule.DefaultUntil,
            e.CoordinatorEmail,
            e.OccurredOn));
        return Unit.Value;
    }
}

/// <summary>Financing approved a project: it waits for a mentor here.</summary>
internal sealed class ApplicationApprovedHandler(ISender sender) : IIntegrationEventHandler<ApplicationApprovedIntegrationEvent>
{
    public async Task Handle(ApplicationApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await sender.Send(new OpenMentorshipCommand(integrationEvent), cancellationToken);
}
