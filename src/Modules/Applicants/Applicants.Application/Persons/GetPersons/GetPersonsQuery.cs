using Applicants.Application.Abstractions;
using Applicants.Application.Geography;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Persons.GetPersons;

/// <summary>
/// Persons, filtered by province, commune, sex and category, and by a text (<c>q</c>): a CIN, or
/// part of a name in Latin or Arabic letters; sorted by <c>lastName</c>, <c>firstName</c>,
/// <c>lastNameAr</c>, <c>birthDate</c>, <c>cin</c> or <c>registeredOn</c>.
/// </summary>
/// <param name="Q">A CIN (exactly), or part of a full name in Latin or Arabic letters, whatever its spelling (case, accents, alef and hamza forms, ta marbuta, el-/al-, ou/w are folded).</param>
/// <param name="ProvinceCode">Only persons living in this province or prefecture (HCP code, e.g. 03.531).</param>
/// <param name="CommuneCode">Only persons living in this commune (HCP code, e.g. 03.531.01.01).</param>
/// <param name="Sex">Only women, or only men.</param>
/// <param name="Category">Only persons of this vulnerable group.</param>
/// <param name="Sort">Comma-separated fields among lastName, firstName, lastNameAr, birthDate, cin and registeredOn, each prefixed by - for descending order; by -registeredOn when left out.</param>
public sealed record GetPersonsQuery(
    string? Q,
    string? ProvinceCode,
    string? CommuneCode,
    Sex? Sex,
    VulnerabilityCategory? Category,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<PersonDto>>, IPagedQuery;

internal sealed class GetPersonsQueryValidator : AbstractValidator<GetPersonsQuery>
{
    public GetPersonsQueryValidator()
    {
        this.RulesForPaging(GetPersonsQueryHandler.Sorts);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.ProvinceCode).ProvinceCode();
        RuleFor(q => q.CommuneCode).Matches(GeographyCodes.CommunePattern);
        RuleFor(q => q.Sex).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
    }
}

internal sealed class GetPersonsQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetPersonsQuery, PagedResult<PersonDto>>
{
    internal static readonly SortMap<Person> Sorts = new SortMap<Person>()
        .Add("lastName", p => p.LastName)
        .Add("firstName", p => p.FirstName)
        .Add("lastNameAr", p => p.LastNameAr)
        .Add("birthDate", p => p.BirthDate)
        .Add("cin", p => p.Cin)
        .Add("registeredOn", p => p.RegisteredOn)
        .TieBreaker(p => p.Id);

    public async ValueTask<PagedResult<PersonDto>> Handle(GetPersonsQuery query, CancellationToken cancellationToken)
    {
        // A registration retired into another as its duplicate is a trace, not a person to find.
        var persons = db.Persons.AsNoTracking().Where(p => p.MergedIntoId == null);
        if (query.ProvinceCode is { } province)
        {
            persons = persons.Where(p => p.ProvinceCode == province);
        }

        if (query.CommuneCode is { } commune)
        {
            persons = persons.Where(p => p.CommuneCode == commune);
        }

        if (query.Sex is { } sex)
        {
            persons = persons.Where(p => p.Sex == sex);
        }

        if (query.Category is { } category)
        {
            persons = persons.Where(p => p.Categories.Contains(category));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            if (Cin.TryParse(query.Q, out var cin))
            {
                persons = persons.Where(p => p.Cin == cin);
            }
            else
            {
                // Either script, any spelling: the text is folded as the stored names were (NameKey),
                // and the trigram index on name_key serves the LIKE.
                var key = NormalisedName.Of(query.Q);
                persons = persons.Where(p => EF.Functions.Like(p.NameKey, $"%{key}%"));
            }
        }

        return await Sorts.Apply(persons, query.Sort, "-registeredOn").ProjectToDto().ToPageAsync(query, cancellationToken);
    }
}
