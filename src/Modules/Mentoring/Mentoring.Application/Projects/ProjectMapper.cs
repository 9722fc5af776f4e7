using Mentoring.Domain.Mentors;
using Mentoring.Domain.Projects;
using Riok.Mapperly.Abstractions;

namespace Mentoring.Application.Projects;

/// <summary>Projections of projects and visits, generated at compile time.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ProjectMapper
{
    public static partial IQueryable<ProjectDto> ProjectToDto(this IQueryable<MentoredProject> projects);

    private static Guid ToGuid(ProjectId id) => id.Value;

    private static Guid ToGuid(MentorId id) => id.Value;
}
