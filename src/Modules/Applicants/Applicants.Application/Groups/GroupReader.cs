using Applicants.Application.Abstractions;
using Applicants.Domain.Groups;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Groups;

/// <summary>Groups shown with their members and beneficiaries: the members' persons read in one query for a whole page.</summary>
internal static class GroupReader
{
    public static async Task<List<GroupDto>> ToDtosAsync(IApplicantsDbContext db, IReadOnlyCollection<Group> groups, CancellationToken cancellationToken)
    {
        var ids = groups.SelectMany(g => g.Members.Select(m => m.PersonId)).Distinct().ToList();

        // A readable group shows all its members, even one who has since moved to another
        // province: counting the group's beneficiaries must not depend on who reads it.
        var persons = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.FirstNameAr, p.LastNameAr, p.Sex, p.Categories })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        return [.. groups.Select(g =>
        {
            var members = g.Members
                .Where(m => persons.ContainsKey(m.PersonId))
                .Select(m =>
                {
                    var p = persons[m.PersonId];
                    var latin = $"{p.FirstName} {p.LastName}".Trim();
                    return new GroupMemberDto
                    {
                        PersonId = m.PersonId.Value,
                        Role = m.Role,
                        DisplayName = latin.Length > 0 ? latin : $"{p.FirstNameAr} {p.LastNameAr}".Trim(),
                        Sex = p.Sex,
                    };
                })
                .OrderBy(m => m.Role)
                .ThenBy(m => m.DisplayName, StringComparer.Ordinal)
                .ToList();
            var categories = g.Members.Where(m => persons.ContainsKey(m.PersonId)).SelectMany(m => persons[m.PersonId].Categories).ToList();
            return new GroupDto
            {
                Id = g.Id.Value,
                Name = g.Name,
                NameAr = g.NameAr,
                LegalForm = g.LegalForm,
                RegistrationNumber = g.RegistrationNumber,
                CreatedOn = g.CreatedOn,
                CommuneCode = g.CommuneCode,
                ProvinceCode = g.ProvinceCode,
                Members = members,
                Beneficiaries = new BeneficiaryCountsDto
                {
                    Total = members.Count,
                    Women = members.Count(m => m.Sex == Sex.Female),
                    Men = members.Count(m => m.Sex == Sex.Male),
                    ByCategory = [.. categories.GroupBy(c => c).OrderBy(c => c.Key).Select(c => new CategoryCountDto { Category = c.Key, Count = c.Count() })],
                },
                RegisteredOn = g.RegisteredOn,
                UpdatedOn = g.UpdatedOn,
                Version = g.Version,
            };
        })];
    }
}
