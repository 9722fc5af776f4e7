using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

internal static class PartnerConflicts
{
    /// <summary>
    /// Refuses a name another partner already has, pointing at that partner. The unique index on
    /// the name key settles a race between two simultaneous registrations (answered 409 too).
    /// </summary>
    public static async Task EnsureNameIsFreeAsync(IPartnershipsDbContext db, string key, PartnerId? except, CancellationToken cancellationToken)
    {
        var existing = await db.Partners.IgnoreQueryFilters()
            .Where(p => p.NameKey == key && (except == null || p.Id != except))
            .Select(p => (PartnerId?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            throw new ConflictException(
                "partner.name-taken",
                new LocalizedText(
                    "A partner with this name is already registered.",
                    "Un partenaire portant ce nom est déjà enregistré.",
                    "يوجد شريك مسجل بهذا الاسم."),
                $"/api/v1/partners/{id.Value}");
        }
    }
}
