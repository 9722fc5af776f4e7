using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Projects;

namespace Mentoring.Application.Visits.RescheduleVisit;

/// <summary>Moves a planned visit to another day, with the reason.</summary>
public sealed record RescheduleVisitCommand(Guid VisitId, DateOnly? DueOn, string? Reason) : ICommand, IRescheduleVisitInput;

internal sealed class RescheduleVisitCommandValidator : AbstractValidator<RescheduleVisitCommand>
{
    public RescheduleVisitCommandValidator() => Include(new RescheduleVisitInputValidator());
}

internal sealed class RescheduleVisitCommandHandler(IMentoringDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RescheduleVisitCommand>
{
    public async ValueTask<Unit> Handle(RescheduleVisitCommand command, CancellationToken cancellationToken)
    {
        var project = await VisitAccess.ProjectOfVisitAsync(db, caller, command.VisitId, cancellationToken);
        project.RescheduleVisit(new VisitId(command.VisitId), command.DueOn!.Value, command.Reason!, clock.GetUtcNow());
        return Unit.Value;
    }
}
