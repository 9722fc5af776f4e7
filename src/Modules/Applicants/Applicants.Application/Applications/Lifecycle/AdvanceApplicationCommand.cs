using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.Lifecycle;

/// <summary>
/// Moves an application on another module's word (a committee's decision, a tranche paid, a mentor
/// assigned, a visit reported). An illegal transition is a 422 like any other: the inbox keeps the
/// message, counts the attempt and parks it where an operator sees it.
/// </summary>
internal sealed record AdvanceApplicationCommand(Guid ApplicationId, ApplicationStage To, string? Outcome, string? Note) : ICommand;

internal sealed class AdvanceApplicationCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AdvanceApplicationCommand>
{
    public async ValueTask<Unit> Handle(AdvanceApplicationCommand command, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(command.ApplicationId);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                          ?? throw new NotFoundException("application", command.ApplicationId);
        application.MoveTo(command.To, command.Outcome, command.Note, Actors.Of(caller), clock.GetUtcNow());
        return Unit.Value;
    }
}
