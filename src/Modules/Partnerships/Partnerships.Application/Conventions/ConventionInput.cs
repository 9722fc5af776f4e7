using BuildingBlocks.Application.Validation;
using BuildingBlocks.Domain;
using FluentValidation;
using Partnerships.Domain.Conventions;

namespace Partnerships.Application.Conventions;

/// <summary>The terms of a convention: what an amendment changes.</summary>
public interface ITermsInput
{
    /// <summary>The convention's title as on the signed document.</summary>
    string? Title { get; }

    /// <summary>How long the convention is in force, in months from its effective date (1 to 240).</summary>
    int? DurationMonths { get; }

    /// <summary>The provinces or prefectures (HCP codes) the convention covers.</summary>
    IReadOnlyList<string>? ProvinceCodes { get; }

    /// <summary>The ids of the Financing programmes the convention frames; a project of one of these programmes is followed by the convention's partners.</summary>
    IReadOnlyList<Guid>? ProgrammeIds { get; }

    /// <summary>Each party's financial commitments; replaces the whole list.</summary>
    IReadOnlyList<CommitmentInput>? Commitments { get; }
}

/// <summary>What a staff member states about a convention, when drafting or correcting it.</summary>
public interface IConventionInput : ITermsInput
{
    /// <summary>The reference number written on the convention (letters, digits, / . _ -), unique.</summary>
    string? Reference { get; }

    /// <summary>What the convention is.</summary>
    ConventionKind? Kind { get; }

    /// <summary>The province the convention belongs to (HCP code); leave it out for a national convention, which only a ProgramManager or an Admin may draw up.</summary>
    string? ProvinceCode { get; }

    /// <summary>The agency's staff member who follows the convention: expiry and overdue-deliverable reminders are written to this address.</summary>
    string? ManagerEmail { get; }

    /// <summary>The partners that sign beside the agency, each with its role; at least one.</summary>
    IReadOnlyList<PartyInput>? Parties { get; }

    /// <summary>The deliverables each party owes; replaces the whole list while the convention is a draft.</summary>
    IReadOnlyList<ObligationInput>? Obligations { get; }
}

/// <summary>The signature of a convention.</summary>
public interface ISignatureInput
{
    /// <summary>The day the last party signed.</summary>
    DateOnly? SignedOn { get; }

    /// <summary>The day it comes into force (on or after the signature); when that day has come, the convention is active at once.</summary>
    DateOnly? EffectiveOn { get; }
}

/// <summary>The early end of a convention.</summary>
public interface ITerminationInput
{
    /// <summary>The day it ends.</summary>
    DateOnly? TerminatedOn { get; }

    /// <summary>Why the parties end it.</summary>
    string? Reason { get; }
}

/// <summary>The renewal of a convention.</summary>
public interface IRenewalInput
{
    /// <summary>The renewal's own reference number (letters, digits, / . _ -), unique.</summary>
    string? Reference { get; }
}

/// <summary>An amendment: the new terms as a whole, and what they change in words.</summary>
public interface IAmendmentInput : ITermsInput
{
    /// <summary>The day the parties signed the amendment.</summary>
    DateOnly? SignedOn { get; }

    /// <summary>What the amendment changes, in words.</summary>
    string? Summary { get; }
}

/// <summary>A deliverable a party owes.</summary>
public interface IObligationInput
{
    /// <summary>The partner that owes it; leave it out for the agency.</summary>
    Guid? PartnerId { get; }

    /// <summary>What is to be delivered.</summary>
    string? Description { get; }

    /// <summary>When it is due; past that day, a pending deliverable reads as late.</summary>
    DateOnly? DueOn { get; }
}

/// <summary>What became of a deliverable.</summary>
public interface ISettlementInput
{
    /// <summary>Done or Waived (or Pending to undo); Late is read, never recorded.</summary>
    ObligationStatus? Status { get; }

    /// <summary>The day it was delivered or waived; today when left out.</summary>
    DateOnly? SettledOn { get; }
}

/// <summary>A partner signing the convention.</summary>
/// <param name="PartnerId">The partner's id.</param>
/// <param name="Role">What it does under the convention.</param>
public sealed record PartyInput(Guid? PartnerId, PartyRole? Role);

/// <summary>A party's financial commitment.</summary>
/// <param name="PartnerId">The committed partner; leave it out for the agency's own commitment.</param>
/// <param name="Amount">The amount committed, in MAD (two decimals at most).</param>
/// <param name="Purpose">What the money pays for.</param>
/// <param name="Schedule">When it is paid; when given, the instalments add up to the amount (422 otherwise).</param>
public sealed record CommitmentInput(Guid? PartnerId, Money? Amount, string? Purpose, IReadOnlyList<InstalmentInput>? Schedule);

/// <summary>A payment planned under a financial commitment.</summary>
/// <param name="DueOn">When it is due.</param>
/// <param name="Amount">How much, in MAD.</param>
public sealed record InstalmentInput(DateOnly? DueOn, Money? Amount);

/// <summary>A deliverable a party owes.</summary>
/// <param name="PartnerId">The partner that owes it; leave it out for the agency.</param>
/// <param name="Description">What is to be delivered.</param>
/// <param name="DueOn">When it is due; past that day, a pending deliverable reads as late.</param>
public sealed record ObligationInput(Guid? PartnerId, string? Description, DateOnly? DueOn) : IObligationInput;

internal static class ConventionInput
{
    public const string ReferencePattern = "^[A-Za-z0-9][A-Za-z0-9/._-]{0,49}$";

    public static ConventionTerms ToTerms(this ITermsInput input) => new(
        input.Title!,
        input.DurationMonths!.Value,
        input.ProvinceCodes ?? [],
        input.ProgrammeIds ?? [],
        [.. (input.Commitments ?? []).Select(c => new FinancialCommitment(
            c.PartnerId,
            c.Amount!.Value,
            string.IsNullOrWhiteSpace(c.Purpose) ? null : c.Purpose.Trim(),
            [.. (c.Schedule ?? []).Select(i => new Instalment(i.DueOn!.Value, i.Amount!.Value))]))]);

    public static List<PartyDetails> ToParties(this IConventionInput input) =>
        [.. (input.Parties ?? []).Select(p => new PartyDetails(p.PartnerId!.Value, p.Role!.Value))];

    public static List<ObligationDetails> ToObligations(this IConventionInput input) =>
        [.. (input.Obligations ?? []).Select(o => o.ToDetails())];

    public static ObligationDetails ToDetails(this IObligationInput o) => new(o.PartnerId, o.Description!, o.DueOn!.Value);
}

internal sealed class TermsInputValidator : AbstractValidator<ITermsInput>
{
    public TermsInputValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
        RuleFor(c => c.DurationMonths).NotNull().InclusiveBetween(1, 240);
        RuleFor(c => c.ProvinceCodes).Must(l => l is null || l.Count <= 100).WithMessage("At most 100 provinces.");
        RuleForEach(c => c.ProvinceCodes).NotNull().Matches(ProvinceCodes.Pattern);
        RuleFor(c => c.ProgrammeIds).Must(l => l is null || l.Count <= 50).WithMessage("At most 50 programmes.");
        RuleForEach(c => c.ProgrammeIds).NotEmpty();
        RuleFor(c => c.Commitments).Must(l => l is null || l.Count <= 50).WithMessage("At most 50 commitments.");
        RuleForEach(c => c.Commitments).NotNull().SetValidator(new CommitmentInputValidator());
    }
}

internal sealed class CommitmentInputValidator : AbstractValidator<CommitmentInput>
{
    public CommitmentInputValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty().When(c => c.PartnerId is not null);
        RuleFor(c => c.Amount).NotNull().Must(a => a!.Value.Amount > 0).When(c => c.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("The amount is more than zero.");
        RuleFor(c => c.Purpose).MaximumLength(300);
        RuleFor(c => c.Schedule).Must(l => l is null || l.Count <= 120).WithMessage("At most 120 instalments.");
        RuleForEach(c => c.Schedule).NotNull().SetValidator(new InstalmentInputValidator());
    }
}

internal sealed class InstalmentInputValidator : AbstractValidator<InstalmentInput>
{
    public InstalmentInputValidator()
    {
        RuleFor(x => x.DueOn).NotNull();
        RuleFor(x => x.Amount).NotNull().Must(a => a!.Value.Amount > 0).When(x => x.Amount is not null, ApplyConditionTo.CurrentValidator).WithMessage("The amount is more than zero.");
    }
}

internal sealed class PartyInputValidator : AbstractValidator<PartyInput>
{
    public PartyInputValidator()
    {
        RuleFor(x => x.PartnerId).NotNull().NotEmpty();
        RuleFor(x => x.Role).NotNull().IsInEnum();
    }
}

internal sealed class SignatureInputValidator : AbstractValidator<ISignatureInput>
{
    public SignatureInputValidator()
    {
        RuleFor(c => c.SignedOn).NotNull();
        RuleFor(c => c.EffectiveOn).NotNull();
    }
}

internal sealed class TerminationInputValidator : AbstractValidator<ITerminationInput>
{
    public TerminationInputValidator()
    {
        RuleFor(c => c.TerminatedOn).NotNull();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class RenewalInputValidator : AbstractValidator<IRenewalInput>
{
    public RenewalInputValidator() => RuleFor(c => c.Reference).NotEmpty().Matches(ConventionInput.ReferencePattern);
}

internal sealed class AmendmentInputValidator : AbstractValidator<IAmendmentInput>
{
    public AmendmentInputValidator()
    {
        RuleFor(c => c.SignedOn).NotNull();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class SettlementInputValidator : AbstractValidator<ISettlementInput>
{
    public SettlementInputValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum().NotEqual(ObligationStatus.Late).WithMessage("Late is read, never recorded: record Pending, Done or Waived.");
        RuleFor(c => c.SettledOn).NotNull().When(c => c.Status is ObligationStatus.Done or ObligationStatus.Waived);
    }
}

internal sealed class ObligationInputValidator : AbstractValidator<IObligationInput>
{
    public ObligationInputValidator()
    {
        RuleFor(o => o.PartnerId).NotEmpty().When(o => o.PartnerId is not null);
        RuleFor(o => o.Description).NotEmpty().MaximumLength(500);
        RuleFor(o => o.DueOn).NotNull();
    }
}

internal sealed class ConventionInputValidator : AbstractValidator<IConventionInput>
{
    public ConventionInputValidator()
    {
        Include(new TermsInputValidator());
        RuleFor(c => c.Reference).NotEmpty().Matches(ConventionInput.ReferencePattern);
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.ProvinceCode).Matches(ProvinceCodes.Pattern).When(c => c.ProvinceCode is not null);
        RuleFor(c => c.ManagerEmail).EmailAddress().MaximumLength(256).When(c => !string.IsNullOrEmpty(c.ManagerEmail));
        RuleFor(c => c.Parties).NotEmpty().Must(l => l is null || l.Count <= 20).WithMessage("Between 1 and 20 partners.");
        RuleForEach(c => c.Parties).NotNull().SetValidator(new PartyInputValidator());
        RuleFor(c => c.Obligations).Must(l => l is null || l.Count <= 100).WithMessage("At most 100 deliverables.");
        RuleForEach(c => c.Obligations).NotNull().SetValidator(new ObligationInputValidator());
    }
}
