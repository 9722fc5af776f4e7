using FluentValidation;
using Mentoring.Domain.Trainings;

namespace Mentoring.Application.Trainings;

/// <summary>A training session or workshop to plan.</summary>
public interface ITrainingInput
{
    /// <summary>What it teaches.</summary>
    TrainingTopic? Topic { get; }

    /// <summary>Its title as announced to the project holders.</summary>
    string? Title { get; }

    /// <summary>Who gives it (a person or an organisation).</summary>
    string? Trainer { get; }

    /// <summary>Its first day.</summary>
    DateOnly? StartsOn { get; }

    /// <summary>Its last day (the first day for a one-day workshop).</summary>
    DateOnly? EndsOn { get; }

    /// <summary>The commune it takes place in (HCP code, e.g. 02.381.01.01); its province scopes the session.</summary>
    string? CommuneCode { get; }

    /// <summary>The venue (a hall, an incubator's premises), when known.</summary>
    string? Venue { get; }

    /// <summary>How many project holders it takes.</summary>
    int? Capacity { get; }
}

internal sealed class TrainingInputValidator : AbstractValidator<ITrainingInput>
{
    public TrainingInputValidator()
    {
        RuleFor(t => t.Topic).NotNull().IsInEnum();
        RuleFor(t => t.Title).NotEmpty().MaximumLength(200).Matches(@"^[^\r\n]*$");
        RuleFor(t => t.Trainer).NotEmpty().MaximumLength(200).Matches(@"^[^\r\n]*$");
        RuleFor(t => t.StartsOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(t => t.EndsOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(t => t.EndsOn).GreaterThanOrEqualTo(t => t.StartsOn).When(t => t.StartsOn is not null && t.EndsOn is not null).WithMessage("A session ends on or after its first day.");
        RuleFor(t => t.CommuneCode).NotEmpty().Matches(@"^\d{2}\.\d{3}\.\d{2}\.\d{2}$");
        RuleFor(t => t.Venue).MaximumLength(200).Matches(@"^[^\r\n]*$");
        RuleFor(t => t.Capacity).NotNull().InclusiveBetween(1, 500);
    }
}

/// <summary>A project holder to enrol, or whose attendance to record.</summary>
public interface IParticipantInput
{
    /// <summary>The person (a project holder registered in Applicants), by id.</summary>
    Guid? PersonId { get; }
}

internal sealed class ParticipantInputValidator : AbstractValidator<IParticipantInput>
{
    public ParticipantInputValidator() => RuleFor(p => p.PersonId).NotEmpty();
}

/// <summary>Whether an enrolled project holder came.</summary>
public interface IAttendanceInput : IParticipantInput
{
    /// <summary>True when he attended the session, false when he did not.</summary>
    bool? Attended { get; }
}

internal sealed class AttendanceInputValidator : AbstractValidator<IAttendanceInput>
{
    public AttendanceInputValidator()
    {
        RuleFor(p => p.PersonId).NotEmpty();
        RuleFor(p => p.Attended).NotNull();
    }
}
