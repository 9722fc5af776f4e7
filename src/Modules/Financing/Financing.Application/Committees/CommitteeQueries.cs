using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using Financing.Application.Abstractions;
using Financing.Domain.Committees;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Committees;

public sealed record GetCommitteeQuery(Guid CommitteeId) : IQuery<CommitteeDto>;

/// <summary>Committee sessions, the latest first, optionally of one programme.</summary>
/// <param name="ProgrammeId">Only the sessions of this programme.</param>
/// <param name="Sort">heldOn or -heldOn (the default).</param>
public sealed record GetCommitteesQuery(
    Guid? ProgrammeId,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<CommitteeDto>>, IPagedQuery;

internal sealed class GetCommitteesQueryValidator : AbstractValidator<GetCommitteesQuery>
{
    public GetCommitteesQueryValidator() => this.RulesForPaging(CommitteeQueries.Sorts);
}

internal static class CommitteeQueries
{
    internal static readonly SortMap<CommitteeSession> Sorts = new SortMap<CommitteeSession>()
        .Add("heldOn", c => c.HeldOn)
        .TieBreaker(c => c.Id);

    public static IQueryable<CommitteeDto> ToDto(this IQueryable<CommitteeSession> sessions) => sessions.Select(c => new CommitteeDto
    {
        Id = c.Id.Value,
        ProgrammeId = c.ProgrammeId.Value,
        HeldOn = c.HeldOn,
        Members = c.Members,
        Agenda = c.Agenda,
        Minutes = c.Minutes,
        CreatedOn = c.CreatedOn,
        Decisions = c.Decisions.OrderBy(d => d.DecidedOn).ThenBy(d => d.Id)
            .Select(d => new CommitteeDecisionDto
            {
                ApplicationId = d.ApplicationId, Outcome = d.Outcome, Reason = d.Reason, FinancingId = d.FinancingId, DecidedOn = d.DecidedOn, DecidedBy = d.DecidedBy,
            }).ToList(),
        Version = c.Version,
    });
}

internal sealed class GetCommitteeQueryHandler(IFinancingDbContext db) : IQueryHandler<GetCommitteeQuery, CommitteeDto>
{
    public async ValueTask<CommitteeDto> Handle(GetCommitteeQuery query, CancellationToken cancellationToken)
    {
        var id = new CommitteeId(query.CommitteeId);
        return await db.Committees.AsNoTracking().Where(c => c.Id == id).ToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("committee", query.CommitteeId);
    }
}

internal sealed class GetCommitteesQueryHandler(IFinancingDbContext db) : IQueryHandler<GetCommitteesQuery, PagedResult<CommitteeDto>>
{
    public async ValueTask<PagedResult<CommitteeDto>> Handle(GetCommitteesQuery query, CancellationToken cancellationToken)
    {
        var sessions = db.Committees.AsNoTracking();
        if (query.ProgrammeId is { } programme)
        {
            var id = new ProgrammeId(programme);
            sessions = sessions.Where(c => c.ProgrammeId == id);
        }

        return await CommitteeQueries.Sorts.Apply(sessions, query.Sort, "-heldOn").ToDto().ToPageAsync(query, cancellationToken);
    }
}
