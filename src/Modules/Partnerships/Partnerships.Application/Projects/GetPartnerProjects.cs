using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Projects;

namespace Partnerships.Application.Projects;

/// <summary>
/// The projects the calling partner referred or sponsors through a convention, in the order they
/// changed here (oldest first), so that a partner system polls with the last <c>updatedOn</c> it saw.
/// </summary>
/// <param name="ChangedSince">Only projects whose record changed at or after this instant (inclusive: a project may come again; keep the highest `sequence` you saw per project).</param>
public sealed record GetPartnerProjectsQuery(
    DateTimeOffset? ChangedSince,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize) : IQuery<PagedResult<PartnerProjectDto>>, IPagedQuery
{
    public string? Sort => null;
}

/// <summary>One project the calling partner follows.</summary>
public sealed record GetPartnerProjectQuery(Guid ApplicationId) : IQuery<PartnerProjectDto>;

/// <summary>A project as its partners see it: its stage and dated history, nothing personal.</summary>
/// <param name="ApplicationId">The application's id (the project), as Applicants names it.</param>
/// <param name="ProgrammeId">The Financing programme it applies to.</param>
/// <param name="Stage">Its current stage (e.g. Submitted, UnderReview, Approved, Financed).</param>
/// <param name="Outcome">What the latest change decided, when it decided something; null otherwise.</param>
/// <param name="Sequence">The rank of its latest change, from 1; a webhook delivery carries the same number.</param>
/// <param name="StageChangedAt">When its stage last changed, in Moroccan time with its offset.</param>
/// <param name="UpdatedOn">When this record last changed: send the highest you saw as `changedSince` on your next poll.</param>
/// <param name="History">Every stage change so far, by sequence.</param>
public sealed record PartnerProjectDto(
    Guid ApplicationId,
    Guid ProgrammeId,
    string Stage,
    string? Outcome,
    int Sequence,
    DateTimeOffset StageChangedAt,
    DateTimeOffset UpdatedOn,
    IReadOnlyList<StageChange> History) : IApiExample<PartnerProjectDto>
{
    public static PartnerProjectDto Example { get; } = new(
        Guid.Parse("019ac3b0-7a1d-7c2e-9f40-1b2c3d4e5f60"),
        Guid.Parse("019ac1aa-1f00-7b5c-8e3d-2c4b6a8d0e11"),
        "Approved",
        "Approved",
        3,
        new DateTimeOffset(2026, 11, 20, 15, 12, 0, TimeSpan.FromHours(1)),
        new DateTimeOffset(2026, 11, 20, 15, 12, 1, TimeSpan.FromHours(1)),
        [
            new StageChange(1, null, "Submitted", null, new DateTimeOffset(2026, 10, 2, 9, 30, 0, TimeSpan.FromHours(1))),
            new StageChange(2, "Submitted", "UnderReview", null, new DateTimeOffset(2026, 10, 15, 11, 0, 0, TimeSpan.FromHours(1))),
            new StageChange(3, "UnderReview", "Approved", "Approved", new DateTimeOffset(2026, 11, 20, 15, 12, 0, TimeSpan.FromHours(1))),
        ]);
}

internal sealed class GetPartnerProjectsQueryValidator : AbstractValidator<GetPartnerProjectsQuery>
{
    public GetPartnerProjectsQueryValidator() => this.RulesForPaging(PartnerProjectQueryHandlers.Sorts);
}

internal sealed class PartnerProjectQueryHandlers(IPartnershipsDbContext db, ICurrentUser caller) :
    IQueryHandler<GetPartnerProjectsQuery, PagedResult<PartnerProjectDto>>,
    IQueryHandler<GetPartnerProjectQuery, PartnerProjectDto>
{
    // One order only: the order in which projects changed here, which is what polling needs.
    internal static readonly SortMap<FollowedProject> Sorts = new SortMap<FollowedProject>()
        .Add("updatedOn", p => p.RecordedAt)
        .TieBreaker(p => p.Id);

    public async ValueTask<PagedResult<PartnerProjectDto>> Handle(GetPartnerProjectsQuery query, CancellationToken cancellationToken)
    {
        var projects = Own();
        if (query.ChangedSince is { } changedSince)
        {
            // Npgsql compares instants in UTC only; the caller may send any offset.
            var since = changedSince.ToUniversalTime();
            projects = projects.Where(p => p.RecordedAt >= since);
        }

        return await Project(Sorts.Apply(projects, query.Sort, "updatedOn")).ToPageAsync(query, cancellationToken);
    }

    public async ValueTask<PartnerProjectDto> Handle(GetPartnerProjectQuery query, CancellationToken cancellationToken)
    {
        var id = new FollowedProjectId(query.ApplicationId);
        // Another partner's project answers 404, exactly as one that does not exist.
        return await Project(Own().Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("project", query.ApplicationId);
    }

    private IQueryable<FollowedProject> Own()
    {
        if (caller.Kind != CallerKind.Partner || caller.PartnerId is not { } own)
        {
            throw new ForbiddenException("Only a partner system has a status feed.");
        }

        return db.FollowedProjects.AsNoTracking().Where(p => p.PartnerIds.Contains(own));
    }

    private static IQueryable<PartnerProjectDto> Project(IQueryable<FollowedProject> projects) =>
        projects.Select(p => new PartnerProjectDto(p.Id.Value, p.ProgrammeId, p.Stage, p.Outcome, p.LastSequence, p.StageChangedAt, p.RecordedAt, p.History));
}
