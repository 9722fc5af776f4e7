using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain;
using Mentoring.Domain.Mentors;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Mentors.GetMentors;

/// <summary>Mentors, filtered by sector, province and whether they take projects; sorted by <c>name</c>, <c>capacity</c> or <c>registeredOn</c>.</summary>
/// <param name="Sector">Only mentors who know this sector.</param>
/// <param name="ProvinceCode">Only mentors who work in this province (HCP code, e.g. 02.381).</param>
/// <param name="Active">Only active (true) or inactive (false) mentors.</param>
/// <param name="Sort">Comma-separated fields among name, capacity and registeredOn, each prefixed by - for descending order; by name when left out.</param>
public sealed record GetMentorsQuery(
    Sector? Sector,
    string? ProvinceCode,
    bool? Active,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<MentorDto>>, IPagedQuery;

internal sealed class GetMentorsQueryValidator : AbstractValidator<GetMentorsQuery>
{
    public GetMentorsQueryValidator()
    {
        this.RulesForPaging(GetMentorsQueryHandler.Sorts);
        RuleFor(q => q.Sector).IsInEnum();
        RuleFor(q => q.ProvinceCode).ProvinceCode();
    }
}

internal sealed class GetMentorsQueryHandler(IMentoringDbContext db) : IQueryHandler<GetMentorsQuery, PagedResult<MentorDto>>
{
    internal static readonly SortMap<Mentor> Sorts = new SortMap<Mentor>()
        .Add("name", m => m.Name)
        .Add("capacity", m => m.Capacity)
        .Add("registeredOn", m => m.RegisteredOn)
        .TieBreaker(m => m.Id);

    public async ValueTask<PagedResult<MentorDto>> Handle(GetMentorsQuery query, CancellationToken cancellationToken)
    {
        var mentors = db.Mentors.AsNoTracking();
        if (query.Sector is { } sector)
        {
            mentors = mentors.Where(m => m.Sectors.Contains(sector));
        }

        if (query.ProvinceCode is { } province)
        {
            mentors = mentors.Where(m => m.Provinces.Contains(province));
        }

        if (query.Active is { } active)
        {
            mentors = mentors.Where(m => m.Active == active);
        }

        return await Sorts.Apply(mentors, query.Sort, "name").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
