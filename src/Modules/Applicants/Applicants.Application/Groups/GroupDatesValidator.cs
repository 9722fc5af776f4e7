using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Groups;

/// <summary>A group is not created after today, in Moroccan time; apart from <see cref="GroupInputValidator"/>, which is built without services.</summary>
internal static class GroupDatesValidator
{
    public static void RulesForCreationDate<T>(this AbstractValidator<T> validator, TimeProvider clock)
        where T : IGroupInput
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(clock);
        validator.RuleFor(g => g.CreatedOn)
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime))
            .When(g => g.CreatedOn is not null);
    }
}
