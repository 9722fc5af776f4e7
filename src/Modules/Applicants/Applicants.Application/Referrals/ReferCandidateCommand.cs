using Applicants.Application.Abstractions;
using Applicants.Application.Applications;
using Applicants.Application.Duplicates;
using Applicants.Application.Persons;
using Applicants.Domain.Applications;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Privacy;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Applicants.Application.Referrals;

/// <summary>
/// A partner's system refers a candidate: the person is registered (or found by their CIN) and
/// their application filed through the PartnerReferral channel, attributed to the calling partner.
/// Answers the application's id.
/// </summary>
public sealed record ReferCandidateCommand(ReferredPerson? Person, ReferredProject? Project) : ICommand<Guid>, IReferralInput;

internal sealed class ReferCandidateCommandValidator : AbstractValidator<ReferCandidateCommand>
{
    public ReferCandidateCommandValidator(TimeProvider clock)
    {
        Include(new ReferralInputValidator());
        RuleFor(r => r.Person).SetValidator(new ReferredPersonDatesValidator(clock)!).When(r => r.Person is not null);
    }

    private sealed class ReferredPersonDatesValidator : AbstractValidator<ReferredPerson>
    {
        public ReferredPersonDatesValidator(TimeProvider clock) => this.RulesForDates(clock);
    }
}

internal sealed partial class ReferCandidateCommandHandler(IApplicantsDbContext db, ISender sender, ICurrentUser caller, TimeProvider clock, ILogger<ReferCandidateCommandHandler> logger)
    : ICommandHandler<ReferCandidateCommand, Guid>
{
    private const string PersonCommune = "person.communeCode";
    private const string ProjectCommune = "project.communeCode";

    public async ValueTask<Guid> Handle(ReferCandidateCommand command, CancellationToken cancellationToken)
    {
        var partnerId = caller.PartnerId ?? throw new ForbiddenException();
        var referred = command.Person!;
        var project = command.Project!;
        var access = ProvinceAccess.For(caller);

        var projectProvince = await PersonConflicts.ProvinceOfCommuneAsync(db, project.CommuneCode!, cancellationToken, ProjectCommune);
        EnsureWithinReach(access, projectProvince, ProjectCommune);

        var now = clock.GetUtcNow();
        var holderId = await KnownHolderAsync(referred, cancellationToken) ?? await RegisterAsync(referred, access, now, cancellationToken);
        var application = await ApplicationFiling.FileAsync(
            db,
            sender,
            project,
            "project.programmeId",
            projectProvince,
            new ApplicationHolder(HolderKind.Person, holderId, [holderId]),
            new ApplicationIntake(IntakeChannel.PartnerReferral, null, null, partnerId),
            Actors.Of(caller),
            now,
            cancellationToken);
        return application.Id.Value;
    }

    /// <summary>
    /// A person the agency already knows by this CIN (from any channel, in any province) keeps
    /// their record: the referral adds an application, it never rewrites what staff recorded. The
    /// names and birth date sent must be those of that person (the duplicate rules' likeness), or
    /// the CIN is likely mistyped: 409, without saying whose it is.
    /// </summary>
    private async Task<Guid?> KnownHolderAsync(ReferredPerson referred, CancellationToken cancellationToken)
    {
        var cin = Cin.Parse(referred.Cin);
        var known = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Cin == cin)
            .Select(p => new { p.Id, p.MergedIntoId, p.FirstName, p.LastName, p.FirstNameAr, p.LastNameAr, p.BirthDate, p.CommuneCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            return null;
        }

        var sent = PersonSketch.Of(referred.FirstName, referred.LastName, referred.FirstNameAr, referred.LastNameAr, referred.BirthDate!.Value, referred.CommuneCode!);
        var recorded = PersonSketch.Of(known.FirstName, known.LastName, known.FirstNameAr, known.LastNameAr, known.BirthDate, known.CommuneCode);
        if (PersonLikeness.Compare(sent, recorded) is null)
        {
            LogCinOfAnother(logger, cin.Value);
            throw new ConflictException(
                "referral.cin-of-another-person",
                new LocalizedText(
                    "A person with this CIN is already registered under other names or another birth date: check person.cin, the names and person.birthDate.",
                    "Une personne portant cette CIN est déjà enregistrée sous d'autres noms ou une autre date de naissance : vérifiez person.cin, les noms et person.birthDate.",
                    "شخص آخر مسجل بهذا الرقم للبطاقة الوطنية بأسماء أو تاريخ ازدياد مختلف: تحقق من person.cin والأسماء وperson.birthDate."));
        }

        // A merged record lives on in the one it was merged into.
        return (known.MergedIntoId ?? known.Id).Value;
    }

    private async Task<Guid> RegisterAsync(ReferredPerson referred, ProvinceAccess access, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var province = await PersonConflicts.ProvinceOfCommuneAsync(db, referred.CommuneCode!, cancellationToken, PersonCommune);
        EnsureWithinReach(access, province, PersonCommune);
        var person = Person.Register(referred.ToDetails(province), now);
        db.Persons.Add(person);
        await DuplicateDetection.DetectAsync(db, person, now, cancellationToken);
        return person.Id.Value;
    }

    /// <summary>A partner refers candidates only where it acts: its province and its provinces of action (a national organisation that lists none acts everywhere).</summary>
    private static void EnsureWithinReach(ProvinceAccess access, string provinceCode, string field)
    {
        if (!access.CanWrite(provinceCode))
        {
            throw new BusinessRuleException(
                "referral.outside-partner-provinces",
                new LocalizedText(
                    $"This commune ({field}) is in province {provinceCode}, where your organisation does not act; the agency records your provinces of action.",
                    $"Cette commune ({field}) est dans la province {provinceCode}, où votre organisation n'intervient pas ; l'agence enregistre vos provinces d'intervention.",
                    $"هذه الجماعة ({field}) تقع في الإقليم {provinceCode} الذي لا تعمل فيه منظمتكم؛ الوكالة هي التي تسجل أقاليم تدخلكم."));
        }
    }

    // The CIN is personal data: the redaction pipeline masks it (AB****56).
    [LoggerMessage(Level = LogLevel.Information, Message = "Referral refused: CIN {Cin} belongs to a person with other names or birth date")]
    private static partial void LogCinOfAnother(ILogger logger, [MaskedInLogs] string cin);
}
