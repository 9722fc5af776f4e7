using BuildingBlocks.Application.Security;
using Microsoft.EntityFrameworkCore;
using Partnerships.Infrastructure.Persistence;

namespace Partnerships.Infrastructure.Security;

/// <summary>
/// Resolves a partner system's key for the <c>X-Api-Key</c> authentication scheme, with where the
/// partner acts: its own province and its provinces of action, or the whole country for a national
/// organisation (no province) that lists none.
/// </summary>
internal sealed class PartnerApiKeyStore(PartnershipsDbContext db) : IApiKeyStore
{
    public async Task<ApiKeyOwner?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        // The caller is not known yet (this is how it becomes known): the partner is read past the province filter.
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == keyHash && k.RevokedOn == null)
            .Join(db.Partners.IgnoreQueryFilters(), k => k.PartnerId, p => p.Id, (k, p) => new { k.Id, k.PartnerId, k.Scopes, p.ProvinceCode, p.ProvincesOfAction })
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        string[] provinces = [.. (key.ProvinceCode is null ? key.ProvincesOfAction : [key.ProvinceCode, .. key.ProvincesOfAction]).Distinct(StringComparer.Ordinal)];
        return new ApiKeyOwner(key.Id.Value, key.PartnerId.Value, key.Scopes, provinces, Nationwide: provinces.Length == 0);
    }
}
