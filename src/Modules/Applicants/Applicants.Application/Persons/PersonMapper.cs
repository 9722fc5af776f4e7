using Applicants.Domain.Persons;
using Riok.Mapperly.Abstractions;

namespace Applicants.Application.Persons;

/// <summary>Person → <see cref="PersonDto"/>, generated at compile time and projected in SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PersonMapper
{
    public static partial IQueryable<PersonDto> ProjectToDto(this IQueryable<Person> persons);

    /// <summary>
    /// The projection's element mapping, also used in memory for a person the request has just
    /// saved (<see cref="GetPerson.GetPersonQueryHandler"/>); duplicates are read apart.
    /// </summary>
    [MapperIgnoreTarget(nameof(PersonDto.PossibleDuplicates))]
    public static partial PersonDto ToDto(this Person person);

    // Expression-bodied, so Mapperly inlines them into the projection's expression tree.
    private static Guid ToGuid(PersonId id) => id.Value;

    private static Guid? ToGuid(PersonId? id) => id == null ? null : id.Value.Value;

    private static string ToText(Cin cin) => cin.Value;

    private static string ToText(MoroccanPhone phone) => phone.Value;
}
