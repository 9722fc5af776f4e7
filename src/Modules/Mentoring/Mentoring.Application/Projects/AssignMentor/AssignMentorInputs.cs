using FluentValidation;

namespace Mentoring.Application.Projects.AssignMentor;

/// <summary>The mentor to give a project waiting for one.</summary>
public interface IAssignMentorInput
{
    /// <summary>The mentor, e.g. from the project's mentor suggestions.</summary>
    Guid? MentorId { get; }

    /// <summary>True to assign a mentor who already follows as many projects as his capacity.</summary>
    bool? OverrideCapacity { get; }
}

/// <summary>The mentor who takes over a project in follow-up, and why.</summary>
public interface IReassignMentorInput : IAssignMentorInput
{
    /// <summary>Why the project changes mentor; kept in its assignment history.</summary>
    string? Reason { get; }
}

internal sealed class AssignMentorInputValidator : AbstractValidator<IAssignMentorInput>
{
    public AssignMentorInputValidator() => RuleFor(c => c.MentorId).NotEmpty();
}

internal sealed class ReassignMentorInputValidator : AbstractValidator<IReassignMentorInput>
{
    public ReassignMentorInputValidator()
    {
        RuleFor(c => c.MentorId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}
