using Applicants.Application.Abstractions;
using Applicants.Application.Duplicates;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Applicants.Application.Persons.UpdatePerson;

/// <summary>Corrects a person's details; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdatePersonCommand(
    Guid PersonId,
    uint? Version,
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
    DateOnly? ConsentedOn) : ICommand, IPersonInput;

internal sealed class UpdatePersonCommandValidator : AbstractValidator<UpdatePersonCommand>
{
    public UpdatePersonCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Version).NotNull();
        Include(new PersonInputValidator());
        this.RulesForDates(clock);
    }
}

internal sealed class UpdatePersonCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock, ILogger<UpdatePersonCommandHandler> logger)
    : ICommandHandler<UpdatePersonCommand>
{
    public async ValueTask<Unit> Handle(UpdatePersonCommand command, CancellationToken cancellationToken)
    {
        var id = new PersonId(command.PersonId);
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("person", command.PersonId);
        db.Context.ExpectVersion(person, command.Version!.Value);
        var province = await PersonConflicts.ProvinceOfCommuneAsync(db, command.CommuneCode!, cancellationToken);
        var details = command.ToDetails(province);
        await PersonConflicts.EnsureCinIsFreeAsync(db, caller, logger, details.Cin, id, cancellationToken);
        var now = clock.GetUtcNow();
        person.Update(details, now);

        // A corrected name or birth date may reveal a duplicate that the first spelling hid.
        await DuplicateDetection.DetectAsync(db, person, now, cancellationToken);
        return Unit.Value;
    }
}
