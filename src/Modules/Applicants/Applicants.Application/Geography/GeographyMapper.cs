using Applicants.Domain.Geography;
using Riok.Mapperly.Abstractions;

namespace Applicants.Application.Geography;

/// <summary>Reference geography → DTOs, projected in SQL (the entities are never loaded).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class GeographyMapper
{
    public static partial IQueryable<RegionDto> ProjectToDto(this IQueryable<Region> regions);

    public static partial IQueryable<ProvinceDto> ProjectToDto(this IQueryable<Province> provinces);

    public static partial IQueryable<CommuneDto> ProjectToDto(this IQueryable<Commune> communes);
}
