using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Reminders;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Reminders;

/// <summary>Reminders recorded for mentors and coordinators, newest first, filtered by status (Failed: those an operator must look at).</summary>
/// <param name="Status">Only reminders in this state: Pending, Sending, Sent or Failed.</param>
/// <param name="Sort">Comma-separated fields among createdOn and attempts, each prefixed by - for descending order; newest first when left out.</param>
public sealed record GetRemindersQuery(
    ReminderStatus? Status,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ReminderDto>>, IPagedQuery;

/// <summary>A reminder email as the ledger recorded it.</summary>
public sealed record ReminderDto : IApiExample<ReminderDto>
{
    /// <summary>What makes it unique: kind, whom (a mentor's id, a coordinator's address hashed, a loan) and day.</summary>
    public required string Key { get; init; }

    /// <summary>visits (a mentor's daily list), escalation (to a coordinator) or arrears (a loan alert).</summary>
    public required string Kind { get; init; }

    /// <summary>The address it goes to.</summary>
    public required string Recipient { get; init; }

    /// <summary>Pending, Sending, Sent or Failed.</summary>
    public ReminderStatus Status { get; init; }

    /// <summary>How many times sending was tried.</summary>
    public int Attempts { get; init; }

    /// <summary>The last failure (the server's code, or why it stopped); null when none.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>When the server took it; null until then.</summary>
    public DateTimeOffset? SentOn { get; init; }

    public static ReminderDto Example { get; } = new()
    {
        Key = "visits:019ac3a0-1f2e-7b4c-8d5e-6f708192a3b4:2026-11-26",
        Kind = "visits",
        Recipient = "k.boutahar@atpe-nador.ma",
        Status = ReminderStatus.Failed,
        Attempts = 1,
        LastError = "SMTP 550 RecipientNotAccepted",
        CreatedOn = new DateTimeOffset(2026, 11, 26, 8, 0, 2, TimeSpan.FromHours(1)),
        SentOn = null,
    };
}

internal sealed class GetRemindersQueryValidator : AbstractValidator<GetRemindersQuery>
{
    public GetRemindersQueryValidator()
    {
        this.RulesForPaging(GetRemindersQueryHandler.Sorts);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class GetRemindersQueryHandler(IMentoringDbContext db, ICurrentUser caller) : IQueryHandler<GetRemindersQuery, PagedResult<ReminderDto>>
{
    internal static readonly SortMap<Reminder> Sorts = new SortMap<Reminder>()
        .Add("createdOn", r => r.CreatedOn)
        .Add("attempts", r => r.Attempts)
        .TieBreaker(r => r.Key);

    public async ValueTask<PagedResult<ReminderDto>> Handle(GetRemindersQuery query, CancellationToken cancellationToken)
    {
        // Addresses of every mentor and coordinator: for those who run the programme, not for Officers or Mentors.
        if (!caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.ProgramManager) && !caller.IsInRole(Roles.Auditor))
        {
            throw new BuildingBlocks.Application.Exceptions.ForbiddenException("Reminders are for Admins, ProgramManagers and Auditors.");
        }

        var reminders = db.Reminders.AsNoTracking();
        if (query.Status is { } status)
        {
            reminders = reminders.Where(r => r.Status == status);
        }

        return await Sorts.Apply(reminders, query.Sort, "-createdOn")
            .Select(r => new ReminderDto
            {
                Key = r.Key,
                Kind = r.Kind,
                Recipient = r.Recipient,
                Status = r.Status,
                Attempts = r.Attempts,
                LastError = r.LastError,
                CreatedOn = r.CreatedOn,
                SentOn = r.SentOn,
            })
            .ToPageAsync(query, cancellationToken);
    }
}
