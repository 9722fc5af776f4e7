using Applicants.Application.Abstractions;
using Applicants.Application.Persons;
using Applicants.Domain.Groups;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Groups;

/// <summary>What registration and correction of a group share: members found, the registration number free, the details made.</summary>
internal static class GroupWriting
{
    /// <summary>
    /// Members must be registered persons the caller can read (the province filter applies), and
    /// not records retired as duplicates; a missing one is a 400 on its own <c>members[i].personId</c>.
    /// </summary>
    public static async Task<GroupDetails> DetailsAsync(IApplicantsDbContext db, IGroupInput input, CancellationToken cancellationToken)
    {
        var province = await PersonConflicts.ProvinceOfCommuneAsync(db, input.CommuneCode!, cancellationToken);
        var members = input.Members!.Select(m => new GroupMembership(new PersonId(m.PersonId!.Value), m.Role!.Value)).ToList();
        var ids = members.Select(m => m.PersonId).ToList();
        var known = await db.Persons.Where(p => ids.Contains(p.Id) && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var failures = members
            .Select((m, i) => (m, i))
            .Where(x => !known.Contains(x.m.PersonId))
            .Select(x => new ValidationFailure($"{nameof(IGroupInput.Members)}[{x.i}].{nameof(GroupMemberInput.PersonId)}", new LocalizedText(
                "No person has this id; register them first (POST /api/v1/applicants).",
                "Aucune personne ne porte cet identifiant ; enregistrez-la d'abord (POST /api/v1/applicants).",
                "لا يوجد شخص بهذا المعرف؛ سجله أولا (POST /api/v1/applicants).").ToString()))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return new GroupDetails(input.Name!, input.NameAr, input.LegalForm!.Value, input.RegistrationNumber!, input.CreatedOn!.Value,
            input.CommuneCode!, province, members);
    }

    /// <summary>The unique index on a group's legal form and registration number.</summary>
    public const string RegistrationIndex = "ix_groups_legal_form_registration_number";

    /// <summary>
    /// One group per registration number and legal form, nationally: left to the unique index (no
    /// query before the write, <see cref="IUniqueKeys"/>). The answer points at the existing group
    /// only when the caller may read it.
    /// </summary>
    public static void RegistrationMustBeFree(IUniqueKeys uniqueKeys, IApplicantsDbContext db, Group group) =>
        uniqueKeys.Explain(RegistrationIndex, async cancellationToken =>
        {
            var (form, number, id) = (group.LegalForm, group.RegistrationNumber, group.Id);
            var existing = await db.Groups.IgnoreQueryFilters().AsNoTracking()
                .Where(g => g.LegalForm == form && g.RegistrationNumber == number && g.Id != id)
                .Select(g => new { g.Id })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                return null;
            }

            var readable = await db.Groups.AnyAsync(g => g.Id == existing.Id, cancellationToken);
            return new ConflictException(
                "group.registration-taken",
                new LocalizedText(
                    "A group of this legal form is already registered under this number.",
                    "Un groupement de cette forme juridique est déjà enregistré sous ce numéro.",
                    "توجد مجموعة من هذا الشكل القانوني مسجلة بهذا الرقم."),
                readable ? $"/api/v1/groups/{existing.Id.Value}" : null);
        });
}
