using BuildingBlocks.Application.Messaging;
using Mediator;
using Mentoring.Contracts;
using Mentoring.Domain.Projects.Events;

namespace Mentoring.Application.Projects.PublishEvents;

/// <summary>Tells the other modules about assignments and visit reports, through the outbox, in the transaction of the change.</summary>
internal sealed class PublishProjectIntegrationEvents(IIntegrationEventPublisher publisher)
    : INotificationHandler<MentorAssignedDomainEvent>, INotificationHandler<VisitReportedDomainEvent>
{
    public ValueTask Handle(MentorAssignedDomainEvent notification, CancellationToken cancellationToken)
    {
        publisher.Publish(new MentorAssignedIntegrationEvent(notification.ProjectId.Value, notification.MentorId.Value, notification.OccurredOn));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(VisitReportedDomainEvent notification, CancellationToken cancellationToken)
    {
        var report = notification.Report;
        publisher.Publish(new VisitReportedIntegrationEvent(
            notification.VisitId.Value,
            notification.ProjectId.Value,
            notification.MentorId.Value,
            report.VisitedOn,
            report.Mode.ToString(),
            report.EnterpriseState.ToString(),
            report.MonthlyRevenue?.Amount,
            report.JobsHeldByWomen,
            report.JobsHeldByMen,
            report.Positive,
            notification.PlanCompleted,
            notification.OccurredOn));
        return ValueTask.CompletedTask;
    }
}
