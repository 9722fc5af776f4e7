using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.GetApplications;

/// <summary>Applications, filtered by programme, holder, stage, channel and province; sorted by <c>submittedOn</c>, <c>title</c> or <c>requestedAmount</c>.</summary>
/// <param name="ProgrammeId">Only the applications to this programme.</param>
/// <param name="HolderId">Only the applications of this person or group.</param>
/// <param name="Stage">Only the applications at this stage.</param>
/// <param name="Channel">Only the applications that came through this channel.</param>
/// <param name="ProvinceCode">Only the projects in this province or prefecture (HCP code, e.g. 03.531).</param>
/// <param name="Sort">Comma-separated fields among submittedOn, title and requestedAmount, each prefixed by - for descending order; by -submittedOn when left out.</param>
public sealed record GetApplicationsQuery(
    Guid? ProgrammeId,
    Guid? HolderId,
    ApplicationStage? Stage,
    IntakeChannel? Channel,
    string? ProvinceCode,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ApplicationDto>>, IPagedQuery;

internal sealed class GetApplicationsQueryValidator : AbstractValidator<GetApplicationsQuery>
{
    public GetApplicationsQueryValidator()
    {
        this.RulesForPaging(GetApplicationsQueryHandler.Sorts);
        RuleFor(q => q.Stage).IsInEnum();
        RuleFor(q => q.Channel).IsInEnum();
        RuleFor(q => q.ProvinceCode).ProvinceCode();
    }
}

internal sealed class GetApplicationsQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetApplicationsQuery, PagedResult<ApplicationDto>>
{
    internal static readonly SortMap<ProjectApplication> Sorts = new SortMap<ProjectApplication>()
        .Add("submittedOn", a => a.SubmittedOn)
        .Add("title", a => a.Title)
        .Add("requestedAmount", a => a.RequestedAmount)
        .TieBreaker(a => a.Id);

    public async ValueTask<PagedResult<ApplicationDto>> Handle(GetApplicationsQuery query, CancellationToken cancellationToken)
    {
        var applications = db.Applications.AsNoTracking();
        if (query.ProgrammeId is { } programme)
        {
            applications = applications.Where(a => a.ProgrammeId == programme);
        }

        if (query.HolderId is { } holder)
        {
            applications = applications.Where(a => a.HolderId == holder);
        }

        if (query.Stage is { } stage)
        {
            applications = applications.Where(a => a.Stage == stage);
        }

        if (query.Channel is { } channel)
        {
            applications = applications.Where(a => a.Channel == channel);
        }

        if (query.ProvinceCode is { } province)
        {
            applications = applications.Where(a => a.ProvinceCode == province);
        }

        return await Sorts.Apply(applications, query.Sort, "-submittedOn").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
