using Applicants.Domain.Applications;
using Riok.Mapperly.Abstractions;

namespace Applicants.Application.Applications;

/// <summary>ProjectApplication → <see cref="ApplicationDto"/>, generated at compile time and projected in SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ApplicationMapper
{
    public static partial IQueryable<ApplicationDto> ProjectToDto(this IQueryable<ProjectApplication> applications);

    public static partial IQueryable<StageChangeDto> ProjectToDto(this IQueryable<StageChange> changes);

    private static Guid ToGuid(ProjectApplicationId id) => id.Value;
}
