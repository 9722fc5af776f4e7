using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Application.Financings.ApproveFinancing;
using Financing.Contracts;
using Financing.Domain.Committees;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Committees;

/// <summary>A committee's decision on one application of its agenda.</summary>
public interface IDecisionInput
{
    /// <summary>The application decided on (on the session's agenda).</summary>
    Guid? ApplicationId { get; }

    /// <summary>Approved (with totalCost and lines), Rejected (with a reason), Deferred, or Revised: a new plan (totalCost and lines) for a project approved earlier, the previous plan kept as history.</summary>
    DecisionOutcome? Outcome { get; }

    /// <summary>Why the application is rejected (required) or deferred (optional).</summary>
    string? Reason { get; }

    /// <summary>For an approval: the project's total cost in MAD, which the lines must add up to.</summary>
    decimal? TotalCost { get; }

    /// <summary>For an approval: the financing plan, line by line (funders' grants, own contribution in cash or in kind, loans).</summary>
    IReadOnlyList<PlanLineInput>? Lines { get; }
}

/// <summary>Records a committee's decision; an approval creates the financing and commits its grants.</summary>
public sealed record RecordDecisionCommand(Guid CommitteeId, Guid? ApplicationId, DecisionOutcome? Outcome, string? Reason, decimal? TotalCost, IReadOnlyList<PlanLineInput>? Lines)
    : ICommand, IDecisionInput;

internal sealed class DecisionInputValidator : AbstractValidator<IDecisionInput>
{
    public DecisionInputValidator()
    {
        RuleFor(d => d.ApplicationId).NotNull().NotEqual(Guid.Empty);
        RuleFor(d => d.Outcome).NotNull().IsInEnum();
        RuleFor(d => d.Reason).MaximumLength(1000);
        RuleFor(d => d.Reason).NotEmpty().When(d => d.Outcome == DecisionOutcome.Rejected);
        RuleFor(d => d.TotalCost).GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(d => d.TotalCost).NotNull().When(d => d.Outcome is DecisionOutcome.Approved or DecisionOutcome.Revised);
        RuleFor(d => d.Lines).Must(l => l is null || l.Count <= 20);
        RuleFor(d => d.Lines).NotEmpty().When(d => d.Outcome is DecisionOutcome.Approved or DecisionOutcome.Revised);
        RuleForEach(d => d.Lines).SetValidator(new PlanLineInputValidator());
    }
}

internal sealed class RecordDecisionCommandValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionCommandValidator() => Include(new DecisionInputValidator());
}

internal sealed class RecordDecisionCommandHandler(IFinancingDbContext db, ISender sender, IIntegrationEventPublisher publisher, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<RecordDecisionCommand>
{
    public async ValueTask<Unit> Handle(RecordDecisionCommand command, CancellationToken cancellationToken)
    {
        var id = new CommitteeId(command.CommitteeId);
        var session = await db.Committees.Include(c => c.Decisions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("committee", command.CommitteeId);
        var applicationId = command.ApplicationId!.Value;
        var application = await sender.Send(new GetApplicationForDecisionQuery(applicationId), cancellationToken)
            ?? throw new NotFoundException("application", applicationId);
        if (!ProvinceAccess.For(caller).CanWrite(application.ProvinceCode))
        {
            throw new ForbiddenException("The application is in a province the caller does not work on.");
        }

        // A revision decides again on an approved project; every other decision on an eligible application.
        var rule = new OnlyEligibleApplicationsAreApprovedRule(application.Stage);
        if (command.Outcome != DecisionOutcome.Revised && rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }

        var now = clock.GetUtcNow();
        Guid? financingId = null;
        switch (command.Outcome!.Value)
        {
            case DecisionOutcome.Approved:
                financingId = await FinancingApproval.ApproveAsync(
                    db,
                    caller,
                    clock,
                    new ApproveFinancingCommand(
                        application.ProgrammeId, applicationId, command.CommitteeId, application.HolderKind, application.HolderId, application.Sector,
                        application.CommuneCode, application.ProvinceCode, command.TotalCost, command.Lines),
                    cancellationToken);
                break;
            case DecisionOutcome.Revised:
                financingId = await FinancingApproval.ReviseAsync(
                    db, caller, clock, applicationId, command.CommitteeId, command.TotalCost!.Value, command.Lines!, cancellationToken);
                break;
            case DecisionOutcome.Rejected:
                publisher.Publish(new ApplicationRejectedIntegrationEvent(applicationId, application.ProgrammeId, command.CommitteeId, command.Reason!.Trim(), now));
                break;
            case DecisionOutcome.Deferred:
                publisher.Publish(new ApplicationDeferredIntegrationEvent(applicationId, application.ProgrammeId, command.CommitteeId, command.Reason?.Trim(), now));
                break;
        }

        session.Decide(applicationId, command.Outcome.Value, command.Reason, financingId, caller.UserId, now);
        return Unit.Value;
    }
}
