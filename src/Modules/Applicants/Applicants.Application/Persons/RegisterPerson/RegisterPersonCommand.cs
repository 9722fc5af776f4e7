using Applicants.Application.Abstractions;
using Applicants.Application.Duplicates;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Applicants.Application.Persons.RegisterPerson;

/// <summary>Registers a person (a project holder); answers their id. Persons it likely duplicates are recorded as open candidates.</summary>
public sealed record RegisterPersonCommand(
    string? Cin,
    string? FirstName,
    string? LastName,
    string? FirstNameAr,
    string? LastNameAr,
    Sex? Sex,
    DateOnly? BirthDate,
    string? Phone,
    string? Email,
    string? CommuneCode,
    EducationLevel? EducationLevel,
    int? HouseholdSize,
    Disability? Disability,
    IReadOnlyList<VulnerabilityCategory>? Categories,
    string? OtherCategoryJustification,
    EmploymentStatus? EmploymentStatus,
    DateOnly? ConsentedOn) : ICommand<Guid>, IPersonInput;

internal sealed class RegisterPersonCommandValidator : AbstractValidator<RegisterPersonCommand>
{
    public RegisterPersonCommandValidator(TimeProvider clock)
    {
        Include(new PersonInputValidator());
        this.RulesForDates(clock);
    }
}

internal sealed class RegisterPersonCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock, ILogger<RegisterPersonCommandHandler> logger)
    : ICommandHandler<RegisterPersonCommand, Guid>
{
    public async ValueTask<Guid> Handle(RegisterPersonCommand command, CancellationToken cancellationToken)
    {
        var province = await PersonConflicts.ProvinceOfCommuneAsync(db, command.CommuneCode!, cancellationToken);
        var details = command.ToDetails(province);
        await PersonConflicts.EnsureCinIsFreeAsync(db, caller, logger, details.Cin, null, cancellationToken);
        var now = clock.GetUtcNow();
        var person = Person.Register(details, now);
        db.Persons.Add(person);
        await DuplicateDetection.DetectAsync(db, person, now, cancellationToken);
        return person.Id.Value;
    }
}
