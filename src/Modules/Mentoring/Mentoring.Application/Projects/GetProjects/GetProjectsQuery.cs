using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Projects.GetProjects;

/// <summary>Financed projects in mentoring, filtered by status, mentor and province; sorted by <c>approvedOn</c> or <c>assignedOn</c>.</summary>
/// <param name="Status">Only projects in this state (e.g. AwaitingMentor for those waiting for a mentor).</param>
/// <param name="MentorId">Only the projects this mentor follows.</param>
/// <param name="ProvinceCode">Only projects of this province (HCP code).</param>
/// <param name="Sort">Comma-separated fields among approvedOn and assignedOn, each prefixed by - for descending order; by approvedOn when left out.</param>
public sealed record GetProjectsQuery(
    ProjectStatus? Status,
    Guid? MentorId,
    string? ProvinceCode,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ProjectDto>>, IPagedQuery;

internal sealed class GetProjectsQueryValidator : AbstractValidator<GetProjectsQuery>
{
    public GetProjectsQueryValidator()
    {
        this.RulesForPaging(GetProjectsQueryHandler.Sorts);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.ProvinceCode).ProvinceCode();
    }
}

internal sealed class GetProjectsQueryHandler(IMentoringDbContext db, ICurrentUser caller) : IQueryHandler<GetProjectsQuery, PagedResult<ProjectDto>>
{
    internal static readonly SortMap<MentoredProject> Sorts = new SortMap<MentoredProject>()
        .Add("approvedOn", p => p.ApprovedOn)
        .Add("assignedOn", p => p.AssignedOn)
        .TieBreaker(p => p.Id);

    public async ValueTask<PagedResult<ProjectDto>> Handle(GetProjectsQuery query, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking();
        if (await MentoringAccess.OwnMentorAsync(db, caller, cancellationToken) is { } own)
        {
            projects = projects.Where(p => p.MentorId == own);
        }

        if (query.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }

        if (query.MentorId is { } mentor)
        {
            var mentorId = new MentorId(mentor);
            projects = projects.Where(p => p.MentorId == mentorId);
        }

        if (query.ProvinceCode is { } province)
        {
            projects = projects.Where(p => p.ProvinceCode == province);
        }

        return await Sorts.Apply(projects, query.Sort, "approvedOn").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
