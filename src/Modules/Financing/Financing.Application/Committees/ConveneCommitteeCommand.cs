using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Committees;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Committees;

/// <summary>What a committee session is: when it sits, who sits, what it decides on.</summary>
public interface ICommitteeInput
{
    /// <summary>The programme whose applications it decides on.</summary>
    Guid? ProgrammeId { get; }

    /// <summary>The day it sits.</summary>
    DateOnly? HeldOn { get; }

    /// <summary>Who sits, as the minutes will name them (one to thirty members).</summary>
    IReadOnlyList<string>? Members { get; }

    /// <summary>The applications on its agenda (their ids, as answered on filing), all of the programme.</summary>
    IReadOnlyList<Guid>? Agenda { get; }

    /// <summary>Its minutes; optional.</summary>
    string? Minutes { get; }
}

/// <summary>Records a committee session; answers its id.</summary>
public sealed record ConveneCommitteeCommand(Guid? ProgrammeId, DateOnly? HeldOn, IReadOnlyList<string>? Members, IReadOnlyList<Guid>? Agenda, string? Minutes)
    : ICommand<Guid>, ICommitteeInput;

internal sealed class CommitteeInputValidator : AbstractValidator<ICommitteeInput>
{
    public CommitteeInputValidator()
    {
        RuleFor(c => c.ProgrammeId).NotNull().NotEqual(Guid.Empty);
        RuleFor(c => c.HeldOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(c => c.Members).NotEmpty().Must(m => m is null || m.Count <= 30);
        RuleForEach(c => c.Members).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Agenda).NotNull().Must(a => a is null || a.Count <= 200);
        RuleForEach(c => c.Agenda).NotEqual(Guid.Empty);
        RuleFor(c => c.Minutes).MaximumLength(10_000);
    }
}

internal sealed class ConveneCommitteeCommandValidator : AbstractValidator<ConveneCommitteeCommand>
{
    public ConveneCommitteeCommandValidator() => Include(new CommitteeInputValidator());
}

internal sealed class ConveneCommitteeCommandHandler(IFinancingDbContext db, ISender sender, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<ConveneCommitteeCommand, Guid>
{
    public async ValueTask<Guid> Handle(ConveneCommitteeCommand command, CancellationToken cancellationToken)
    {
        var programmeId = new ProgrammeId(command.ProgrammeId!.Value);
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            throw new NotFoundException("programme", command.ProgrammeId.Value);
        }

        foreach (var applicationId in command.Agenda!.Distinct())
        {
            var application = await sender.Send(new GetApplicationForDecisionQuery(applicationId), cancellationToken);
            if (application is null || application.ProgrammeId != command.ProgrammeId.Value)
            {
                throw new BusinessRuleException(
                    "committee.agenda-outside-programme",
                    new LocalizedText(
                        $"The agenda names {applicationId}, which is no application of this programme.",
                        $"L'ordre du jour cite {applicationId}, qui n'est pas une candidature de ce programme.",
                        $"يذكر جدول الأعمال {applicationId}، وهو ليس طلبا في هذا البرنامج."));
            }
        }

        var session = CommitteeSession.Convene(programmeId, command.HeldOn!.Value, command.Members!, command.Agenda!, command.Minutes, caller.UserId, clock.GetUtcNow());
        db.Committees.Add(session);
        return session.Id.Value;
    }
}
