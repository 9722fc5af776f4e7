using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

internal static class PartnerConflicts
{
    /// <summary>
    /// Refuses a name another partner already has, pointing at that partner when the caller may
    /// read it. Names are unique across provinces, so the search looks past the province filter;
    /// the answer must not: an Officer learns that the name is taken, never the id of a partner
    /// in a province he cannot read. The unique index on the name key settles a race between two
    /// simultaneous registrations (answered 409 too).
    /// </summary>
    public static async Task EnsureNameIsFreeAsync(IPartnershipsDbContext db, ICurrentUser caller, string key, PartnerId? except, CancellationToken cancellationToken)
    {
        var existing = await db.Partners.IgnoreQueryFilters()
            .Where(p => p.NameKey == key && (except == null || p.Id != except))
            .Select(p => new { p.Id, p.ProvinceCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            var location = ProvinceAccess.For(caller).CanRead(existing.ProvinceCode) ? $"/api/v1/partners/{existing.Id.Value}" : null;
            throw new ConflictException(
                "partner.name-taken",
                new LocalizedText(
                    "A partner with this name is already registered.",
                    "Un partenaire portant ce nom est déjà enregistré.",
                    "يوجد شريك مسجل بهذا الاسم."),
                location);
        }
    }
}
