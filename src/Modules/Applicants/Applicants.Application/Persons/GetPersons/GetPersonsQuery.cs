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
/// words of a name in Latin or Arabic letters; sorted by <c>lastName</c>, <c>firstName</c>,
/// <c>lastNameAr</c>, <c>birthDate</c>, <c>cin</c> or <c>registeredOn</c>.
/// </summary>
/// <param name="Q">A CIN (exactly), or words of a name in Latin or Arabic letters, whatever their spelling (case, accents, alef and hamza forms, ta marbuta, el-/al-, ou/w are folded): a person is found when each word is a word of their name, in any order ("alaoui mohamed" finds Mohammed El Alaoui), and names written apart or together find each other ("Ben Ali", "Benali").</param>
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
    /// <summary>A search by name counts its matches up to this many (issue 15: a common first name matches tens of thousands).</summary>
    internal const int NameSearchCountLimit = 1_000;

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

        // Counted by the default query (exactly), but a search by name counts up to a limit.
        RowCount? total = null;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            if (Cin.TryParse(query.Q, out var cin))
            {
                persons = persons.Where(p => p.Cin == cin);
            }
            else
            {
                persons = persons.Where(db.NameMatches(query.Q));
                total = await persons.CountUpToAsync(NameSearchCountLimit, cancellationToken);
                if (total.IsExact)
                {
                    // A few hundred matches: read them all and sort them. The subquery's OFFSET 0 keeps
                    // the planner from walking the default order's index instead, which it does when it
                    // thinks a full name common (two common words) and which then reads 90,000 persons to
                    // find 20 (280 ms instead of 13 on a million; docs/benchmarks.md). Past the limit the
                    // name is common indeed, and walking that index finds a page at once.
                    persons = persons.Skip(0);
                }
            }
        }

        var page = Sorts.Apply(persons, query.Sort, "-registeredOn").ProjectToDto();
        return total is null
            ? await page.ToPageAsync(query, cancellationToken)
            : await page.ToPageAsync(query, total, cancellationToken);
    }
}
