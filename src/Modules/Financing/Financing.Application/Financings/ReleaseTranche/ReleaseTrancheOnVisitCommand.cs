using BuildingBlocks.Application.Messaging;
using Financing.Application.Abstractions;
using Mediator;
using Mentoring.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Financings.ReleaseTranche;

/// <summary>A positive follow-up visit of the project releases its first conditional tranche still waiting.</summary>
public sealed record ReleaseTrancheOnVisitCommand(Guid ApplicationId, DateOnly VisitedOn) : ICommand;

internal sealed class ReleaseTrancheOnVisitCommandHandler(IFinancingDbContext db) : ICommandHandler<ReleaseTrancheOnVisitCommand>
{
    public async ValueTask<Unit> Handle(ReleaseTrancheOnVisitCommand command, CancellationToken cancellationToken)
    {
        // A visit of a project this module never financed (or not yet) has nothing to release.
        var financing = await db.Financings.Include(f => f.Tranches)
            .FirstOrDefaultAsync(f => f.ApplicationId == command.ApplicationId, cancellationToken);
        financing?.ReleaseOnPositiveVisit(command.VisitedOn);
        return Unit.Value;
    }
}

/// <summary>Mentoring reported a visit; only a positive one releases anything.</summary>
internal sealed class VisitReportedHandler(ISender sender) : IIntegrationEventHandler<VisitReportedIntegrationEvent>
{
    public async Task Handle(VisitReportedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Positive)
        {
            await sender.Send(new ReleaseTrancheOnVisitCommand(integrationEvent.ApplicationId, integrationEvent.VisitedOn), cancellationToken);
        }
    }
}
