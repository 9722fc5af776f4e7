using Applicants.Application.Abstractions;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Privacy;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Applicants.Application.Persons;

internal static partial class PersonConflicts
{
    /// <summary>
    /// Refuses a CIN another person already has, pointing at that person when the caller may read
    /// them. CINs are unique nationally, so the search looks past the province filter; the answer
    /// must not: an Officer learns that the CIN is registered, never the id of a person in a
    /// province he cannot read. The unique index on the CIN settles a race between two
    /// simultaneous registrations (answered 409 too).
    /// </summary>
    public static async Task EnsureCinIsFreeAsync(IApplicantsDbContext db, ICurrentUser caller, ILogger logger, Cin cin, PersonId? except, CancellationToken cancellationToken)
    {
        var existing = await db.Persons.IgnoreQueryFilters()
            .Where(p => p.Cin == cin && (except == null || p.Id != except))
            .Select(p => new { p.Id, p.ProvinceCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            LogCinTaken(logger, cin.Value);
            var location = ProvinceAccess.For(caller).CanRead(existing.ProvinceCode) ? $"/api/v1/applicants/{existing.Id.Value}" : null;
            throw new ConflictException(
                "person.cin-taken",
                new LocalizedText(
                    "A person with this CIN is already registered.",
                    "Une personne portant cette CIN est déjà enregistrée.",
                    "يوجد شخص مسجل بهذا الرقم للبطاقة الوطنية."),
                location);
        }
    }

    /// <summary>The commune's province, or a 400 on <paramref name="field"/> when the geography knows no such commune.</summary>
    public static async Task<string> ProvinceOfCommuneAsync(IApplicantsDbContext db, string communeCode, CancellationToken cancellationToken, string field = nameof(IPersonInput.CommuneCode)) =>
        await db.Communes.AsNoTracking().Where(c => c.Code == communeCode).Select(c => c.ProvinceCode).FirstOrDefaultAsync(cancellationToken)
        ?? throw new ValidationException([new ValidationFailure(field, new LocalizedText(
            "No commune has this code; see GET /api/v1/geography/communes.",
            "Aucune commune ne porte ce code ; voir GET /api/v1/geography/communes.",
            "لا توجد جماعة بهذا الرمز؛ انظر GET /api/v1/geography/communes.").ToString())]);

    // The CIN is personal data: the redaction pipeline masks it (AB****56).
    [LoggerMessage(Level = LogLevel.Information, Message = "Registration refused: CIN {Cin} is already registered")]
    private static partial void LogCinTaken(ILogger logger, [MaskedInLogs] string cin);
}
