using Mentoring.Domain.Mentors;
using Riok.Mapperly.Abstractions;

namespace Mentoring.Application.Mentors;

/// <summary>Mentor → <see cref="MentorDto"/>, generated at compile time; queries select only the DTO's columns.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class MentorMapper
{
    public static partial IQueryable<MentorDto> ProjectToDto(this IQueryable<Mentor> mentors);

    private static Guid ToGuid(MentorId id) => id.Value;
}
