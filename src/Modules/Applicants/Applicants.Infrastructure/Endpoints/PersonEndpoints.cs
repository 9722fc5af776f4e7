using System.ComponentModel;
using Applicants.Application.Persons;
using Applicants.Application.Persons.GetPerson;
using Applicants.Application.Persons.GetPersons;
using Applicants.Application.Persons.RegisterPerson;
using Applicants.Application.Persons.UpdatePerson;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Applicants.Infrastructure.Endpoints;

/// <summary>A person's details, to register them or to correct them (then with <c>version</c>).</summary>
/// <param name="Version">Required when correcting (PUT): the version you read; ignored on registration.</param>
public sealed record PersonRequest(
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
    DateOnly? ConsentedOn,
    uint? Version = null) : IPersonInput, IApiExample<PersonRequest>
{
    public static PersonRequest Example { get; } = new(
        "CD123456",
        "Fatima Zahra",
        "El Amrani",
        "فاطمة الزهراء",
        "العمراني",
        Domain.Persons.Sex.Female,
        new DateOnly(1991, 4, 17),
        "06 61 23 45 67",
        null,
        "03.531.01.01",
        Domain.Persons.EducationLevel.Primary,
        5,
        Domain.Persons.Disability.None,
        [VulnerabilityCategory.WomanInDifficultSituation, VulnerabilityCategory.RuralYouth],
        null,
        Domain.Persons.EmploymentStatus.Unemployed,
        new DateOnly(2026, 11, 20),
        PersonDto.Example.Version);

    internal RegisterPersonCommand ToRegistration() =>
        new(Cin, FirstName, LastName, FirstNameAr, LastNameAr, Sex, BirthDate, Phone, Email, CommuneCode, EducationLevel,
            HouseholdSize, Disability, Categories, OtherCategoryJustification, EmploymentStatus, ConsentedOn);

    internal UpdatePersonCommand ToCorrection(Guid id) =>
        new(id, Version, Cin, FirstName, LastName, FirstNameAr, LastNameAr, Sex, BirthDate, Phone, Email, CommuneCode, EducationLevel,
            HouseholdSize, Disability, Categories, OtherCategoryJustification, EmploymentStatus, ConsentedOn);
}

internal static class PersonEndpoints
{
    private const string PersonIdText = "The person's id, as answered on registration.";

    public static IEndpointRouteBuilder MapPersonEndpoints(this IEndpointRouteBuilder app)
    {
        var persons = app.MapGroup("/api/v1/applicants").WithTags("Applicants").RequireAuthorization(AuthNames.StaffPolicy);

        persons.MapPost("/", async (PersonRequest request, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(request.ToRegistration(), ct);
                return TypedResults.Created($"/api/v1/applicants/{id}", await sender.Send(new GetPersonQuery(id), ct));
            })
            .WithName("RegisterApplicant")
            .WithSummary("Register a person (a project holder)")
            .WithDescription("The commune of residence decides the person's province: an Officer registers persons of his provinces only. A CIN already registered answers 409, pointing at the existing person when the caller may read them.")
            .Produces<PersonDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        persons.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                string? q,
                string? provinceCode,
                string? communeCode,
                Sex? sex,
                VulnerabilityCategory? category,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetPersonsQuery(q, provinceCode, communeCode, sex, category, page, pageSize, sort), ct)))
            .WithName("ListApplicants")
            .WithSummary("Search persons, paged, sorted and filtered")
            .WithDescription("q is a CIN, or words of a name in Latin or Arabic letters (each a whole word of the name, in any order, whatever the spelling; \"Ben Ali\" and \"Benali\" find each other). Sort by lastName, firstName, lastNameAr, birthDate, cin or registeredOn (prefix with - for descending). An Officer sees the persons of his provinces.")
            .WithParametersFrom<GetPersonsQuery>()
            .Produces<PagedResult<PersonDto>>()
            .ProducesValidationProblem();

        persons.MapGet("/{id:guid}", async ([Description(PersonIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPersonQuery(id), ct)))
            .WithName("GetApplicant")
            .WithSummary("Read one person")
            .WithDescription("An Officer reads the persons of his provinces; any other answers 404, as if it did not exist.")
            .Produces<PersonDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        persons.MapPut("/{id:guid}", async ([Description(PersonIdText)] Guid id, PersonRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(request.ToCorrection(id), ct);
                return TypedResults.Ok(await sender.Send(new GetPersonQuery(id), ct));
            })
            .WithName("UpdateApplicant")
            .WithSummary("Correct a person's details")
            .WithDescription("Send back the version you read; if somebody changed the person since, the answer is 409 and nothing is changed. Moving a person to a commune of another province needs write access to both provinces.")
            .Produces<PersonDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
