using Partnerships.Domain.Partners;
using Riok.Mapperly.Abstractions;

namespace Partnerships.Application.Partners;

/// <summary>
/// Partner → <see cref="PartnerDto"/>, generated at compile time. Queries use the projection so
/// that EF Core selects the DTO's columns and never loads (or tracks) the aggregate.
/// </summary>
// Target: every DTO property must have a source, or the build fails; the entity may hold more.
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PartnerMapper
{
    public static partial IQueryable<PartnerDto> ProjectToDto(this IQueryable<Partner> partners);

    /// <summary>The same mapping in memory, for a partner the request has just saved (<see cref="GetPartner.GetPartnerQueryHandler"/>).</summary>
    public static partial PartnerDto ToDto(this Partner partner);

    // Expression-bodied, so Mapperly inlines it into the projection's expression tree.
    private static Guid ToGuid(PartnerId id) => id.Value;
}
