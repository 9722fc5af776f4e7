using Applicants.Application.Abstractions;
using Applicants.Domain.Duplicates;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Duplicates;

/// <summary>Likely duplicates, open ones unless <c>status</c> says otherwise; sorted by <c>score</c> or <c>detectedOn</c>.</summary>
/// <param name="Status">Open (the default: the staff's work list), Merged or Dismissed.</param>
/// <param name="Sort">score or detectedOn, prefixed by - for descending order; by -score when left out.</param>
public sealed record GetDuplicatesQuery(
    DuplicateStatus? Status,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<DuplicateCandidateDto>>, IPagedQuery;

internal sealed class GetDuplicatesQueryValidator : AbstractValidator<GetDuplicatesQuery>
{
    public GetDuplicatesQueryValidator()
    {
        this.RulesForPaging(GetDuplicatesQueryHandler.Sorts);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class GetDuplicatesQueryHandler(IApplicantsDbContext db, ICurrentUser caller)
    : IQueryHandler<GetDuplicatesQuery, PagedResult<DuplicateCandidateDto>>
{
    internal static readonly SortMap<DuplicateCandidate> Sorts = new SortMap<DuplicateCandidate>()
        .Add("score", c => c.Score)
        .Add("detectedOn", c => c.DetectedOn)
        .TieBreaker(c => c.Id);

    public async ValueTask<PagedResult<DuplicateCandidateDto>> Handle(GetDuplicatesQuery query, CancellationToken cancellationToken)
    {
        var status = query.Status ?? DuplicateStatus.Open;
        var candidates = DuplicateQueries.Visible(db, caller).Where(c => c.Status == status);
        return await Sorts.Apply(candidates, query.Sort, "-score").ProjectToDto(db).ToPageAsync(query, cancellationToken);
    }
}

public sealed record GetDuplicateQuery(Guid Id) : IQuery<DuplicateCandidateDto>;

internal sealed class GetDuplicateQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetDuplicateQuery, DuplicateCandidateDto>
{
    public async ValueTask<DuplicateCandidateDto> Handle(GetDuplicateQuery query, CancellationToken cancellationToken)
    {
        var id = new DuplicateCandidateId(query.Id);
        return await DuplicateQueries.Visible(db, caller).Where(c => c.Id == id).ProjectToDto(db).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("duplicate", query.Id);
    }
}
