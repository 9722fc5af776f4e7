using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

internal static class PartnerConflicts
{
    /// <summary>The unique index on <see cref="Partner.NameKey"/>: names are unique across provinces.</summary>
    public const string NameIndex = "ix_partners_name_key";

    /// <summary>
    /// Leaves a name another partner already has to the unique index on the name key (no query
    /// before the write, <see cref="IUniqueKeys"/>), and explains the refusal as a 409 pointing at
    /// that partner when the caller may read it. The search looks past the province filter; the
    /// answer must not: an Officer learns that the name is taken, never the id of a partner in a
    /// province he cannot read.
    /// </summary>
    public static void NameMustBeFree(IUniqueKeys uniqueKeys, IPartnershipsDbContext db, ICurrentUser caller, Partner partner) =>
        uniqueKeys.Explain(NameIndex, async cancellationToken =>
        {
            var (key, id) = (partner.NameKey, partner.Id);
            var existing = await db.Partners.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.NameKey == key && p.Id != id)
                .Select(p => new { p.Id, p.ProvinceCode })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                return null;
            }

            var location = ProvinceAccess.For(caller).CanRead(existing.ProvinceCode) ? $"/api/v1/partners/{existing.Id.Value}" : null;
            return new ConflictException(
                "partner.name-taken",
                new LocalizedText(
                    "A partner with this name is already registered.",
                    "Un partenaire portant ce nom est déjà enregistré.",
                    "يوجد شريك مسجل بهذا الاسم."),
                location);
        });
}
