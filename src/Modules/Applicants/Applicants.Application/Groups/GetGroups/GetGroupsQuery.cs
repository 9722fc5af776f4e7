using Applicants.Application.Abstractions;
using Applicants.Application.Geography;
using Applicants.Domain.Groups;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Groups.GetGroups;

/// <summary>Groups, filtered by a text, province, commune, legal form and member; sorted by <c>name</c>, <c>createdOn</c>, <c>registrationNumber</c> or <c>registeredOn</c>.</summary>
/// <param name="Q">A registration number (exactly, any case), or part of the group's name in Latin or Arabic letters, whatever its spelling (case, accents, alef and hamza forms, ta marbuta, el-/al-, ou/w are folded, as for persons).</param>
/// <param name="ProvinceCode">Only the groups seated in this province or prefecture (HCP code, e.g. 04.291).</param>
/// <param name="CommuneCode">Only the groups seated in this commune (HCP code, e.g. 04.291.01.03).</param>
/// <param name="LegalForm">Only cooperatives, or only associations.</param>
/// <param name="MemberId">Only the groups this person is a member of.</param>
/// <param name="Sort">Comma-separated fields among name, createdOn, registrationNumber and registeredOn, each prefixed by - for descending order; by -registeredOn when left out.</param>
public sealed record GetGroupsQuery(
    string? Q,
    string? ProvinceCode,
    string? CommuneCode,
    LegalForm? LegalForm,
    Guid? MemberId,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<GroupDto>>, IPagedQuery;

internal sealed class GetGroupsQueryValidator : AbstractValidator<GetGroupsQuery>
{
    public GetGroupsQueryValidator()
    {
        this.RulesForPaging(GetGroupsQueryHandler.Sorts);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.ProvinceCode).ProvinceCode();
        RuleFor(q => q.CommuneCode).Matches(GeographyCodes.CommunePattern);
        RuleFor(q => q.LegalForm).IsInEnum();
    }
}

internal sealed class GetGroupsQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetGroupsQuery, PagedResult<GroupDto>>
{
    internal static readonly SortMap<Group> Sorts = new SortMap<Group>()
        .Add("name", g => g.Name)
        .Add("createdOn", g => g.CreatedOn)
        .Add("registrationNumber", g => g.RegistrationNumber)
        .Add("registeredOn", g => g.RegisteredOn)
        .TieBreaker(g => g.Id);

    public async ValueTask<PagedResult<GroupDto>> Handle(GetGroupsQuery query, CancellationToken cancellationToken)
    {
        var groups = db.Groups.AsNoTracking();
        if (query.ProvinceCode is { } province)
        {
            groups = groups.Where(g => g.ProvinceCode == province);
        }

        if (query.CommuneCode is { } commune)
        {
            groups = groups.Where(g => g.CommuneCode == commune);
        }

        if (query.LegalForm is { } form)
        {
            groups = groups.Where(g => g.LegalForm == form);
        }

        if (query.MemberId is { } member)
        {
            var person = new PersonId(member);
            groups = groups.Where(g => g.Members.Any(m => m.PersonId == person));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Either script, any spelling: the text is folded as the stored names were (NameKey,
            // letters and digits only, nothing to escape), and the trigram index on name_key serves the LIKE.
            var number = query.Q.Trim().ToUpperInvariant();
            var key = NormalisedName.Of(query.Q);
            groups = key.Length == 0
                ? groups.Where(g => g.RegistrationNumber == number)
                : groups.Where(g => g.RegistrationNumber == number || EF.Functions.Like(g.NameKey, $"%{key}%"));
        }

        var page = await Sorts.Apply(groups, query.Sort, "-registeredOn").ToPageAsync(query, cancellationToken);
        return new PagedResult<GroupDto>(await GroupReader.ToDtosAsync(db, [.. page.Items], cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}
