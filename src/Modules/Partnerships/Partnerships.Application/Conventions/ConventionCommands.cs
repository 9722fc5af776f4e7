using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Conventions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Conventions;

/// <summary>Draws up a convention as a draft; answers its id.</summary>
public sealed record DraftConventionCommand(
    string? Reference,
    string? Title,
    ConventionKind? Kind,
    string? ProvinceCode,
    string? ManagerEmail,
    IReadOnlyList<PartyInput>? Parties,
    int? DurationMonths,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<Guid>? ProgrammeIds,
    IReadOnlyList<CommitmentInput>? Commitments,
    IReadOnlyList<ObligationInput>? Obligations) : ICommand<Guid>, IConventionInput;

/// <summary>Corrects a draft convention; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdateConventionCommand(
    Guid ConventionId,
    uint? Version,
    string? Reference,
    string? Title,
    ConventionKind? Kind,
    string? ProvinceCode,
    string? ManagerEmail,
    IReadOnlyList<PartyInput>? Parties,
    int? DurationMonths,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<Guid>? ProgrammeIds,
    IReadOnlyList<CommitmentInput>? Commitments,
    IReadOnlyList<ObligationInput>? Obligations) : ICommand, IConventionInput;

/// <summary>Records the signature of a draft convention.</summary>
public sealed record SignConventionCommand(Guid ConventionId, uint? Version, DateOnly? SignedOn, DateOnly? EffectiveOn) : ICommand, ISignatureInput;

/// <summary>Ends a signed or active convention early.</summary>
public sealed record TerminateConventionCommand(Guid ConventionId, uint? Version, DateOnly? TerminatedOn, string? Reason) : ICommand, ITerminationInput;

/// <summary>Draws up the renewal of an active or expired convention as a new draft linked to it; answers the new id.</summary>
public sealed record RenewConventionCommand(Guid ConventionId, string? Reference) : ICommand<Guid>, IRenewalInput;

/// <summary>Changes the terms of a signed or active convention, keeping the previous terms; answers the amendment's id.</summary>
public sealed record AmendConventionCommand(
    Guid ConventionId,
    uint? Version,
    DateOnly? SignedOn,
    string? Summary,
    string? Title,
    int? DurationMonths,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<Guid>? ProgrammeIds,
    IReadOnlyList<CommitmentInput>? Commitments) : ICommand<Guid>, IAmendmentInput;

/// <summary>Adds a deliverable to a convention; answers its id.</summary>
public sealed record AddObligationCommand(Guid ConventionId, Guid? PartnerId, string? Description, DateOnly? DueOn) : ICommand<Guid>, IObligationInput;

/// <summary>Records that a deliverable was done or waived (or puts it back to pending).</summary>
public sealed record SettleObligationCommand(Guid ConventionId, Guid ObligationId, ObligationStatus? Status, DateOnly? SettledOn) : ICommand, ISettlementInput;

/// <summary>Moves signed conventions into force and active ones out of it, as the calendar says (a daily job).</summary>
public sealed record RefreshConventionStatusesCommand : ICommand<int>;

internal sealed class DraftConventionCommandValidator : AbstractValidator<DraftConventionCommand>
{
    public DraftConventionCommandValidator() => Include(new ConventionInputValidator());
}

internal sealed class UpdateConventionCommandValidator : AbstractValidator<UpdateConventionCommand>
{
    public UpdateConventionCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new ConventionInputValidator());
    }
}

internal sealed class SignConventionCommandValidator : AbstractValidator<SignConventionCommand>
{
    public SignConventionCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new SignatureInputValidator());
    }
}

internal sealed class TerminateConventionCommandValidator : AbstractValidator<TerminateConventionCommand>
{
    public TerminateConventionCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new TerminationInputValidator());
    }
}

internal sealed class RenewConventionCommandValidator : AbstractValidator<RenewConventionCommand>
{
    public RenewConventionCommandValidator() => Include(new RenewalInputValidator());
}

internal sealed class AmendConventionCommandValidator : AbstractValidator<AmendConventionCommand>
{
    public AmendConventionCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new AmendmentInputValidator());
        Include(new TermsInputValidator());
    }
}

internal sealed class AddObligationCommandValidator : AbstractValidator<AddObligationCommand>
{
    public AddObligationCommandValidator() => Include(new ObligationInputValidator());
}

internal sealed class SettleObligationCommandValidator : AbstractValidator<SettleObligationCommand>
{
    public SettleObligationCommandValidator() => Include(new SettlementInputValidator());
}

internal sealed class ConventionCommandHandlers(IPartnershipsDbContext db, IUniqueKeys uniqueKeys, TimeProvider clock) :
    ICommandHandler<DraftConventionCommand, Guid>,
    ICommandHandler<UpdateConventionCommand>,
    ICommandHandler<SignConventionCommand>,
    ICommandHandler<TerminateConventionCommand>,
    ICommandHandler<RenewConventionCommand, Guid>,
    ICommandHandler<AmendConventionCommand, Guid>,
    ICommandHandler<AddObligationCommand, Guid>,
    ICommandHandler<SettleObligationCommand>,
    ICommandHandler<RefreshConventionStatusesCommand, int>
{
    /// <summary>The unique index on <see cref="Convention.Reference"/>.</summary>
    private const string ReferenceIndex = "ix_conventions_reference";

    private DateOnly Today => ConventionClock.Today(clock);

    public async ValueTask<Guid> Handle(DraftConventionCommand command, CancellationToken cancellationToken)
    {
        await EnsurePartnersExistAsync(command.Parties!.Select(p => p.PartnerId!.Value), cancellationToken);
        var convention = Convention.Draft(
            command.Reference!, command.Kind!.Value, command.ProvinceCode, command.ManagerEmail,
            command.ToParties(), command.ToTerms(), command.ToObligations(), clock.GetUtcNow());
        db.Conventions.Add(convention);
        ReferenceMustBeFree(convention);
        return convention.Id.Value;
    }

    public async ValueTask<Unit> Handle(UpdateConventionCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, command.Version, cancellationToken);
        await EnsurePartnersExistAsync(command.Parties!.Select(p => p.PartnerId!.Value), cancellationToken);
        convention.Correct(
            command.Reference!, command.Kind!.Value, command.ProvinceCode, command.ManagerEmail,
            command.ToParties(), command.ToTerms(), command.ToObligations(), clock.GetUtcNow());
        ReferenceMustBeFree(convention);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(SignConventionCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, command.Version, cancellationToken);
        convention.Sign(command.SignedOn!.Value, command.EffectiveOn!.Value, Today, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(TerminateConventionCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, command.Version, cancellationToken);
        convention.Terminate(command.TerminatedOn!.Value, command.Reason!, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Guid> Handle(RenewConventionCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, null, cancellationToken);
        var renewal = convention.Renew(command.Reference!, clock.GetUtcNow());
        db.Conventions.Add(renewal);
        ReferenceMustBeFree(renewal);
        return renewal.Id.Value;
    }

    public async ValueTask<Guid> Handle(AmendConventionCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, command.Version, cancellationToken);
        var amendment = convention.Amend(command.SignedOn!.Value, command.Summary!, command.ToTerms(), clock.GetUtcNow());
        return amendment.Id.Value;
    }

    public async ValueTask<Guid> Handle(AddObligationCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, null, cancellationToken);
        var obligation = convention.AddObligation(command.ToDetails(), clock.GetUtcNow());
        return obligation.Id.Value;
    }

    public async ValueTask<Unit> Handle(SettleObligationCommand command, CancellationToken cancellationToken)
    {
        var convention = await LoadAsync(command.ConventionId, null, cancellationToken);
        var id = new ObligationId(command.ObligationId);
        if (convention.Obligations.All(o => o.Id != id))
        {
            throw new NotFoundException("obligation", command.ObligationId);
        }

        convention.SettleObligation(id, command.Status!.Value, command.SettledOn ?? Today, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<int> Handle(RefreshConventionStatusesCommand command, CancellationToken cancellationToken)
    {
        var today = Today;
        var due = await db.Conventions
            .Where(c => (c.Status == ConventionStatus.Signed && c.EffectiveOn <= today) || (c.Status == ConventionStatus.Active && c.ExpiresOn < today))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return due.Count(c => c.Refresh(today, now));
    }

    private async Task<Convention> LoadAsync(Guid id, uint? version, CancellationToken cancellationToken)
    {
        var conventionId = new ConventionId(id);
        var convention = await db.Conventions
            .Include(c => c.Parties)
            .Include(c => c.Obligations)
            .Include(c => c.Amendments)
            .FirstOrDefaultAsync(c => c.Id == conventionId, cancellationToken)
            ?? throw new NotFoundException("convention", id);
        if (version is { } expected)
        {
            db.Context.ExpectVersion(convention, expected);
        }

        return convention;
    }

    /// <summary>
    /// References are unique nationally: the unique index refuses one that is taken (no query before
    /// the write, <see cref="IUniqueKeys"/>). The answer never points at the holder, which may lie in
    /// a province the caller cannot read.
    /// </summary>
    private void ReferenceMustBeFree(Convention convention) =>
        uniqueKeys.Explain(ReferenceIndex, async cancellationToken =>
        {
            var (reference, id) = (convention.Reference, convention.Id);
            return !await db.Conventions.IgnoreQueryFilters().AnyAsync(c => c.Reference == reference && c.Id != id, cancellationToken) ? null : new ConflictException(
                "convention.reference-taken",
                new LocalizedText(
                    "A convention with this reference number is already recorded.",
                    "Une convention portant ce numéro de référence est déjà enregistrée.",
                    "توجد اتفاقية مسجلة بهذا الرقم المرجعي."),
                null);
        });

    private async Task EnsurePartnersExistAsync(IEnumerable<Guid> partnerIds, CancellationToken cancellationToken)
    {
        var ids = partnerIds.Distinct().Select(id => new PartnerId(id)).ToList();
        var found = await db.Partners.CountAsync(p => ids.Contains(p.Id), cancellationToken);
        if (found != ids.Count)
        {
            throw new BusinessRuleException(new UnknownPartnerRule());
        }
    }

    private sealed class UnknownPartnerRule : IBusinessRule
    {
        public string Code => "convention.unknown-partner";

        public LocalizedText Message => new(
            "A party of the convention is not a partner you can see.",
            "Une partie de la convention n'est pas un partenaire que vous pouvez voir.",
            "أحد أطراف الاتفاقية ليس شريكا يمكنك الاطلاع عليه.");

        public bool IsBroken() => true;
    }
}
