using Applicants.Domain.Persons;
using Riok.Mapperly.Abstractions;

namespace Applicants.Application.Persons;

/// <summary>Person → <see cref="PersonDto"/>, generated at compile time and projected in SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PersonMapper
{
    public static partial IQueryable<PersonDto> ProjectToDto(this IQueryable<Person> persons);

    // The projection's element mapping; duplicates are read apart (GetPersonQuery).
    [MapperIgnoreTarget(nameof(PersonDto.PossibleDuplicates))]
    private static partial PersonDto ToDto(Person person);

    // Expression-bodied, so Mapperly inlines them into the projection's expression tree.
    private static Guid ToGuid(PersonId id) => id.Value;

    private static Guid? ToGuid(PersonId? id) => id == null ? null : id.Value.Value;

    private static string ToText(Cin cin) => cin.Value;

    private static string ToText(MoroccanPhone phone) => phone.Value;
}
