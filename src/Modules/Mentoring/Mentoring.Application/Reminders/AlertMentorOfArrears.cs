using System.Text.Json;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Application.Reminders;
using Financing.Contracts;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Reminders;

/// <summary>A project's loan fell into arrears: its mentor gets an alert, once per loan and arrears bucket.</summary>
internal sealed record AlertMentorOfArrearsCommand(LoanFellIntoArrearsIntegrationEvent Arrears) : ICommand;

internal sealed class AlertMentorOfArrearsCommandHandler(IMentoringDbContext db, TimeProvider clock) : ICommandHandler<AlertMentorOfArrearsCommand>
{
    public async ValueTask<Unit> Handle(AlertMentorOfArrearsCommand command, CancellationToken cancellationToken)
    {
        var e = command.Arrears;
        var project = new ProjectId(e.ApplicationId);
        var mentor = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == project && p.Status == ProjectStatus.InFollowUp)
            .Join(db.Mentors, p => p.MentorId, m => m.Id, (p, m) => new { m.Id, m.Email, m.Name, m.Language })
            .FirstOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            // No mentor follows the project (yet, or any more): nobody to alert.
            return Unit.Value;
        }

        // Recorded in the inbox's transaction; the ledger's sender sends it. The key makes a redelivered event add nothing.
        var key = $"arrears:{e.LoanId}:{e.Bucket}";
        if (!await db.Reminders.AnyAsync(r => r.Key == key, cancellationToken))
        {
            var payload = JsonSerializer.Serialize(new
            {
                projectId = e.ApplicationId,
                loanId = e.LoanId,
                bucket = e.Bucket,
                daysPastDue = e.DaysPastDue,
                amountOverdue = e.AmountOverdue,
                asOf = e.AsOf,
            });
            db.Reminders.Add(new Reminder(key, "arrears", mentor.Email, mentor.Name, mentor.Language, payload, clock.GetUtcNow()));
        }

        return Unit.Value;
    }
}

/// <summary>Financing says a loan fell into arrears: the project's mentor is alerted.</summary>
internal sealed class LoanFellIntoArrearsHandler(ISender sender) : IIntegrationEventHandler<LoanFellIntoArrearsIntegrationEvent>
{
    public async Task Handle(LoanFellIntoArrearsIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await sender.Send(new AlertMentorOfArrearsCommand(integrationEvent), cancellationToken);
}
