using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Projects;

namespace Mentoring.Application.Visits.ReportVisit;

/// <summary>Records what the mentor found at a visit.</summary>
public sealed record ReportVisitCommand(
    Guid VisitId,
    DateOnly? VisitedOn,
    VisitMode? Mode,
    EnterpriseState? EnterpriseState,
    decimal? MonthlyRevenue,
    int? JobsHeldByWomen,
    int? JobsHeldByMen,
    string? Problems,
    string? Recommendations,
    bool? Positive) : ICommand, IVisitReportInput;

internal sealed class ReportVisitCommandValidator : AbstractValidator<ReportVisitCommand>
{
    public ReportVisitCommandValidator() => Include(new VisitReportInputValidator());
}

internal sealed class ReportVisitCommandHandler(IMentoringDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<ReportVisitCommand>
{
    public async ValueTask<Unit> Handle(ReportVisitCommand command, CancellationToken cancellationToken)
    {
        var project = await VisitAccess.ProjectOfVisitAsync(db, caller, command.VisitId, cancellationToken);
        project.ReportVisit(
            new VisitId(command.VisitId),
            new VisitReport(
                command.VisitedOn!.Value, command.Mode!.Value, command.EnterpriseState!.Value, command.MonthlyRevenue is { } revenue ? Money.Mad(revenue) : null,
                command.JobsHeldByWomen!.Value, command.JobsHeldByMen!.Value, command.Problems, command.Recommendations, command.Positive!.Value),
            clock.GetUtcNow());
        return Unit.Value;
    }
}
