using System.Globalization;
using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using Applicants.Domain.Persons;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Applications.AssessEligibility;

/// <summary>Checks an application against its programme's rules as they are today; a ProgramManager may override failed rules with a written justification.</summary>
public sealed record AssessEligibilityCommand(Guid ApplicationId, string? OverrideJustification) : ICommand<EligibilityDto>, IEligibilityInput;

/// <summary>An eligibility assessment's request.</summary>
public interface IEligibilityInput
{
    /// <summary>Only a ProgramManager: why the application is eligible despite the rules it fails (at most 2,000 characters). Leave out for a plain assessment.</summary>
    string? OverrideJustification { get; }
}

internal sealed class EligibilityInputValidator : AbstractValidator<IEligibilityInput>
{
    public EligibilityInputValidator() => RuleFor(c => c.OverrideJustification).MaximumLength(2000);
}

internal sealed class AssessEligibilityCommandValidator : AbstractValidator<AssessEligibilityCommand>
{
    public AssessEligibilityCommandValidator() => Include(new EligibilityInputValidator());
}

/// <summary>The result of an eligibility assessment: each rule named, met or failed.</summary>
public sealed record EligibilityDto : IApiExample<EligibilityDto>
{
    /// <summary>The application's stage after the assessment: Eligible or Ineligible.</summary>
    public ApplicationStage Stage { get; init; }

    /// <summary>Whether every rule is met.</summary>
    public bool AllRulesMet { get; init; }

    /// <summary>The ProgramManager's justification when failed rules were overridden; null otherwise.</summary>
    public string? OverrideJustification { get; init; }

    /// <summary>Each of the programme's rules: holder-kind, province, age, target-category, maximum-cost, maximum-grant, own-contribution.</summary>
    public required IReadOnlyList<EligibilityCheckDto> Checks { get; init; }

    /// <summary>When it was assessed, in Moroccan time.</summary>
    public DateTimeOffset AssessedOn { get; init; }

    public static EligibilityDto Example { get; } = new()
    {
        Stage = ApplicationStage.Ineligible,
        AllRulesMet = false,
        OverrideJustification = null,
        Checks =
        [
            new() { Rule = "province", Met = true, Detail = "03.531 is covered." },
            new() { Rule = "age", Met = false, Detail = "Aged 47; the programme takes 18 to 45." },
        ],
        AssessedOn = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1)),
    };
}

/// <summary>One rule checked.</summary>
public sealed record EligibilityCheckDto : IApiExample<EligibilityCheckDto>
{
    /// <summary>The rule's name: holder-kind, province, age, target-category, maximum-cost, maximum-grant or own-contribution.</summary>
    public required string Rule { get; init; }

    /// <summary>Whether the application meets it.</summary>
    public bool Met { get; init; }

    /// <summary>What was compared, in English.</summary>
    public required string Detail { get; init; }

    public static EligibilityCheckDto Example { get; } = new() { Rule = "maximum-cost", Met = true, Detail = "85000.00 MAD, at most 300000.00." };
}

internal sealed class AssessEligibilityCommandHandler(IApplicantsDbContext db, ISender sender, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AssessEligibilityCommand, EligibilityDto>
{
    public async ValueTask<EligibilityDto> Handle(AssessEligibilityCommand command, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(command.ApplicationId);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                          ?? throw new NotFoundException("application", command.ApplicationId);
        if (!string.IsNullOrWhiteSpace(command.OverrideJustification) && !caller.IsInRole(Roles.ProgramManager))
        {
            throw new ForbiddenException();
        }

        var rules = await sender.Send(new GetProgrammeRulesQuery(application.ProgrammeId), cancellationToken)
                    ?? throw new NotFoundException("programme", application.ProgrammeId);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(now).DateTime);
        var person = application.HolderKind == HolderKind.Person
            ? await db.Persons.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == new PersonId(application.HolderId), cancellationToken)
            : null;
        var memberCategories = application.HolderKind == HolderKind.Group
            ? await MemberCategoriesAsync(application.HolderId, cancellationToken)
            : [];
        var checks = Check(application, rules, person, today, memberCategories);
        application.AssessEligibility(checks, command.OverrideJustification, Actors.Of(caller), now);
        return new EligibilityDto
        {
            Stage = application.Stage,
            AllRulesMet = checks.All(c => c.Met),
            OverrideJustification = application.EligibilityOverride,
            Checks = [.. checks.Select(c => new EligibilityCheckDto { Rule = c.Rule, Met = c.Met, Detail = c.Detail })],
            AssessedOn = now,
        };
    }

    // A group's categories are its members': it reaches a targeted group through any member.
    private async Task<List<string>> MemberCategoriesAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var members = await db.Groups.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.Id == new Domain.Groups.GroupId(groupId))
            .SelectMany(g => g.Members.Select(m => m.PersonId))
            .ToListAsync(cancellationToken);
        var categories = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => members.Contains(p.Id))
            .Select(p => p.Categories)
            .ToListAsync(cancellationToken);
        return [.. categories.SelectMany(c => c).Distinct().Order().Select(c => c.ToString())];
    }

    internal static List<EligibilityCheck> Check(
        ProjectApplication application, ProgrammeRules rules, Person? person, DateOnly today, IReadOnlyList<string>? memberCategories = null)
    {
        var total = application.EstimatedTotalCost.Amount;
        var requested = application.RequestedAmount.Amount;
        var own = application.OwnContribution.Amount;
        var neededOwn = Math.Round(total * rules.OwnContributionRate, 2, MidpointRounding.AwayFromZero);
        var checks = new List<EligibilityCheck>
        {
            application.HolderKind == HolderKind.Person
                ? new("holder-kind", rules.AllowsIndividuals, rules.AllowsIndividuals ? "The programme takes individuals." : "The programme takes no individual holder.")
                : new("holder-kind", rules.AllowsGroups, rules.AllowsGroups ? "The programme takes groups." : "The programme takes no group."),
            rules.ProvinceCodes.Count == 0 || rules.ProvinceCodes.Contains(application.ProvinceCode)
                ? new("province", true, $"{application.ProvinceCode} is covered.")
                : new("province", false, $"{application.ProvinceCode} is not among the programme's provinces ({string.Join(", ", rules.ProvinceCodes)})."),
        };

        if (person is null)
        {
            checks.Add(new("age", true, "No age limit applies to a group."));
            var categories = memberCategories ?? [];
            var targeted = rules.TargetCategories.Count == 0 || categories.Intersect(rules.TargetCategories).Any();
            checks.Add(new("target-category", targeted, rules.TargetCategories.Count == 0
                ? "The programme targets anyone."
                : $"The members' categories ({string.Join(", ", categories)}) against the targeted ({string.Join(", ", rules.TargetCategories)})."));
        }
        else
        {
            var age = today.Year - person.BirthDate.Year - (today < person.BirthDate.AddYears(today.Year - person.BirthDate.Year) ? 1 : 0);
            var ageMet = (rules.MinimumAge is not { } min || age >= min) && (rules.MaximumAge is not { } max || age <= max);
            checks.Add(new("age", ageMet, $"Aged {age}; the programme takes {rules.MinimumAge?.ToString(CultureInfo.InvariantCulture) ?? "any"} to {rules.MaximumAge?.ToString(CultureInfo.InvariantCulture) ?? "any"}."));
            var categories = person.Categories.Select(c => c.ToString()).ToList();
            var targeted = rules.TargetCategories.Count == 0 || categories.Intersect(rules.TargetCategories).Any();
            checks.Add(new("target-category", targeted, rules.TargetCategories.Count == 0
                ? "The programme targets anyone."
                : $"The holder's categories ({string.Join(", ", categories)}) against the targeted ({string.Join(", ", rules.TargetCategories)})."));
        }

        checks.Add(rules.MaximumProjectCost is { } maxCost
            ? new("maximum-cost", total <= maxCost, Invariant($"{total:0.00} MAD, at most {maxCost:0.00}."))
            : new("maximum-cost", true, "No cost limit."));
        checks.Add(rules.MaximumGrant is { } maxGrant
            ? new("maximum-grant", requested <= maxGrant, Invariant($"{requested:0.00} MAD requested, at most {maxGrant:0.00}."))
            : new("maximum-grant", true, "No grant limit."));
        checks.Add(new("own-contribution", own >= neededOwn, Invariant($"{own:0.00} MAD brought, at least {neededOwn:0.00} ({rules.OwnContributionRate:P0} of the cost).")));
        return checks;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
