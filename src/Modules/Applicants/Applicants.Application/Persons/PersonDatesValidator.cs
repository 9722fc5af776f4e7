using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Persons;

/// <summary>
/// The dates that depend on today, in Moroccan time: nobody is born today or later, and nobody
/// consented after today. Kept out of <see cref="PersonInputValidator"/>, which must be built
/// without services (the API reference reads it).
/// </summary>
internal static class PersonDatesValidator
{
    public static void RulesForDates<T>(this AbstractValidator<T> validator, TimeProvider clock)
        where T : IPersonInput
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(clock);
        validator.RuleFor(p => p.BirthDate).LessThan(_ => Today(clock)).When(p => p.BirthDate is not null);
        validator.RuleFor(p => p.ConsentedOn).LessThanOrEqualTo(_ => Today(clock)).When(p => p.ConsentedOn is not null);
    }

    private static DateOnly? Today(TimeProvider clock) => DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime);
}
