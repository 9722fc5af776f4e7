using BuildingBlocks.Application.Validation;
using BuildingBlocks.Domain;
using Financing.Domain.Programmes;
using FluentValidation;

namespace Financing.Application.Programmes;

/// <summary>A funder of the programme and its share of the envelope.</summary>
/// <param name="PartnerId">The funding organisation, as registered in partners (INDH, ADS, a provincial council…).</param>
/// <param name="Envelope">Its share of the programme's envelope, in MAD with two decimals.</param>
public sealed record FunderInput(Guid? PartnerId, decimal? Envelope);

/// <summary>One tranche of the grant: its share, and whether it waits for a positive follow-up visit.</summary>
/// <param name="Share">The share of the grant released by this tranche, between 0.01 and 1 (0.60 for 60 %); the shares add up to 1.</param>
/// <param name="RequiresPositiveVisit">Whether the tranche waits for a positive follow-up visit reported by the project's mentor.</param>
public sealed record TrancheInput(decimal? Share, bool? RequiresPositiveVisit);

/// <summary>What a programme manager states about a programme, when defining it and when changing it.</summary>
public interface IProgrammeInput
{
    /// <summary>The programme's code, unique, letters, digits and dashes (e.g. INDH-AGR-TAOUNATE-2024); stored upper-case.</summary>
    string? Code { get; }

    /// <summary>The programme's name in French.</summary>
    string? NameFr { get; }

    /// <summary>The programme's name in Arabic.</summary>
    string? NameAr { get; }

    /// <summary>What the programme is for, whom it helps and how; optional.</summary>
    string? Description { get; }

    /// <summary>The first day the programme takes applications.</summary>
    DateOnly? StartsOn { get; }

    /// <summary>The last day the programme takes applications.</summary>
    DateOnly? EndsOn { get; }

    /// <summary>The provinces and prefectures covered (HCP codes, e.g. 03.531); empty for the whole country.</summary>
    IReadOnlyList<string>? ProvinceCodes { get; }

    /// <summary>The vulnerable groups targeted, by the names Applicants uses; empty for anyone.</summary>
    IReadOnlyList<TargetCategory>? TargetCategories { get; }

    /// <summary>Whether a person may apply alone (an individual project).</summary>
    bool? AllowsIndividuals { get; }

    /// <summary>Whether a cooperative or an association may apply (a group project).</summary>
    bool? AllowsGroups { get; }

    /// <summary>The youngest age of a holder on the day of the check, in years; none when left out.</summary>
    int? MinimumAge { get; }

    /// <summary>The oldest age of a holder on the day of the check, in years; none when left out.</summary>
    int? MaximumAge { get; }

    /// <summary>The highest total cost of a project, in MAD; none when left out.</summary>
    decimal? MaximumProjectCost { get; }

    /// <summary>The highest grant per project, in MAD; none when left out.</summary>
    decimal? MaximumGrant { get; }

    /// <summary>The share of the total cost the holder brings, 0–1; 0.30 (INDH's 30 % rule) when left out.</summary>
    decimal? OwnContributionRate { get; }

    /// <summary>The instruments the programme finances with: grants, honour loans at 0 %, partner (bank or microcredit) loans.</summary>
    IReadOnlyList<FinancingInstrument>? Instruments { get; }

    /// <summary>The tranche policy, in order (e.g. 0.60 at once, then 0.40 after a positive visit); the shares add up to 1.</summary>
    IReadOnlyList<TrancheInput>? Tranches { get; }

    /// <summary>Follow-up policy handed to Mentoring: monthly visits for this many months from the start (6 when left out).</summary>
    int? FollowUpMonthlyVisitsForMonths { get; }

    /// <summary>Follow-up policy handed to Mentoring: then one visit a quarter until this month (24 when left out; 0 for none).</summary>
    int? FollowUpQuarterlyVisitsUntilMonth { get; }

    /// <summary>The coordinator written to about escalations (overdue visits, arrears); optional.</summary>
    string? CoordinatorEmail { get; }

    /// <summary>The funders and their shares of the envelope.</summary>
    IReadOnlyList<FunderInput>? Funders { get; }
}

internal static class ProgrammeInput
{
    /// <summary>Amounts travel as decimals the validator has bounded to two decimals; the domain takes them as Money.</summary>
    private static Money? AsMoney(decimal? amount) => amount is { } a ? Money.Mad(a) : null;

    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9-]{1,39}$";

    public const int DefaultMonthlyVisitsForMonths = 6;

    public const int DefaultQuarterlyVisitsUntilMonth = 24;

    public static ProgrammeDetails ToDetails(this IProgrammeInput input) => new(
        input.Code!,
        input.NameFr!,
        input.NameAr!,
        input.Description,
        input.StartsOn!.Value,
        input.EndsOn!.Value,
        input.ProvinceCodes ?? [],
        input.TargetCategories ?? [],
        input.AllowsIndividuals ?? true,
        input.AllowsGroups ?? false,
        input.MinimumAge,
        input.MaximumAge,
        AsMoney(input.MaximumProjectCost),
        AsMoney(input.MaximumGrant),
        input.OwnContributionRate,
        input.Instruments ?? [FinancingInstrument.Grant],
        input.Tranches is { Count: > 0 } tranches
            ? tranches.Select(t => new TrancheRule(t.Share!.Value, t.RequiresPositiveVisit ?? false)).ToList()
            : [new TrancheRule(1m, false)],
        input.FollowUpMonthlyVisitsForMonths ?? DefaultMonthlyVisitsForMonths,
        input.FollowUpQuarterlyVisitsUntilMonth ?? DefaultQuarterlyVisitsUntilMonth,
        input.CoordinatorEmail,
        (input.Funders ?? []).Select(f => new FunderShare(f.PartnerId!.Value, Money.Mad(f.Envelope!.Value))).ToList());
}

/// <summary>The shape of a programme; included by the definition and update validators.</summary>
internal sealed class ProgrammeInputValidator : AbstractValidator<IProgrammeInput>
{
    public ProgrammeInputValidator()
    {
        RuleFor(p => p.Code).NotEmpty().Matches(ProgrammeInput.CodePattern).MaximumLength(40);
        RuleFor(p => p.NameFr).NotEmpty().MaximumLength(200);
        RuleFor(p => p.NameAr).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Description).MaximumLength(2000);
        RuleFor(p => p.StartsOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
        RuleFor(p => p.EndsOn).NotNull().LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(p => p.ProvinceCodes).Must(c => c is null || c.Count <= 75);
        RuleForEach(p => p.ProvinceCodes).NotEmpty().Matches(ProvinceCodes.Pattern);
        RuleFor(p => p.TargetCategories).Must(c => c is null || c.Count <= 6);
        RuleForEach(p => p.TargetCategories).IsInEnum();
        RuleFor(p => p.MinimumAge).InclusiveBetween(15, 100);
        RuleFor(p => p.MaximumAge).InclusiveBetween(15, 100);
        RuleFor(p => p.MaximumProjectCost).GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(p => p.MaximumGrant).GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(p => p.OwnContributionRate).InclusiveBetween(0m, 1m).PrecisionScale(5, 4, true);
        RuleFor(p => p.Instruments).Must(i => i is null || (i.Count is > 0 and <= 3));
        RuleForEach(p => p.Instruments).IsInEnum();
        RuleFor(p => p.Tranches).Must(t => t is null || t.Count <= 6);
        RuleForEach(p => p.Tranches).ChildRules(t =>
        {
            t.RuleFor(x => x.Share).NotNull().InclusiveBetween(0.01m, 1m).PrecisionScale(5, 4, true);
        });
        RuleFor(p => p.FollowUpMonthlyVisitsForMonths).InclusiveBetween(0, 60);
        RuleFor(p => p.FollowUpQuarterlyVisitsUntilMonth).InclusiveBetween(0, 120);
        RuleFor(p => p.CoordinatorEmail).EmailAddress().MaximumLength(256).When(p => !string.IsNullOrEmpty(p.CoordinatorEmail));
        RuleFor(p => p.Funders).Must(f => f is null || f.Count <= 20);
        RuleForEach(p => p.Funders).ChildRules(f =>
        {
            f.RuleFor(x => x.PartnerId).NotNull().NotEqual(Guid.Empty);
            f.RuleFor(x => x.Envelope).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        });
    }
}
