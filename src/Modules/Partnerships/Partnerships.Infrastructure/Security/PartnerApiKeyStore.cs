using BuildingBlocks.Application.Security;
using Microsoft.EntityFrameworkCore;
using Partnerships.Infrastructure.Persistence;

namespace Partnerships.Infrastructure.Security;

/// <summary>Resolves a partner system's key for the <c>X-Api-Key</c> authentication scheme.</summary>
internal sealed class PartnerApiKeyStore(PartnershipsDbContext db) : IApiKeyStore
{
    public async Task<ApiKeyOwner?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == keyHash && k.RevokedOn == null)
            .Select(k => new ApiKeyOwner(k.Id.Value, k.PartnerId.Value, k.Scopes))
            .FirstOrDefaultAsync(cancellationToken);
}
