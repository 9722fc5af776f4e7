using Applicants.Application.Geography;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;

namespace Applicants.Application.Campaigns;

/// <summary>An outreach campaign (caravan) as it is planned.</summary>
public interface ICampaignInput
{
    /// <summary>The campaign's name (at most 200 characters).</summary>
    string? Name { get; }

    /// <summary>The organising partner (GET /api/v1/partners); give it or organiserName, not both.</summary>
    Guid? OrganiserPartnerId { get; }

    /// <summary>Who organises it, in free text, when it is not a registered partner (at most 200 characters); give it or organiserPartnerId, not both.</summary>
    string? OrganiserName { get; }

    /// <summary>The campaign's first day (YYYY-MM-DD).</summary>
    DateOnly? StartsOn { get; }

    /// <summary>The campaign's last day (YYYY-MM-DD), on or after startsOn.</summary>
    DateOnly? EndsOn { get; }

    /// <summary>Its stops, each in a commune on a day between startsOn and endsOn; at most 200.</summary>
    IReadOnlyList<CampaignStopInput>? Stops { get; }
}

/// <summary>A stop of a campaign: a commune on a day.</summary>
public sealed record CampaignStopInput : IApiExample<CampaignStopInput>
{
    public static CampaignStopInput Example { get; } = new("04.291.01.03", new DateOnly(2021, 12, 20));

    public CampaignStopInput(string? communeCode, DateOnly? date)
    {
        CommuneCode = communeCode;
        Date = date;
    }

    /// <summary>The commune the caravan stops in (HCP code, e.g. 04.291.01.03).</summary>
    public string? CommuneCode { get; init; }

    /// <summary>The day of the stop (YYYY-MM-DD), within the campaign's dates.</summary>
    public DateOnly? Date { get; init; }
}

internal sealed class CampaignStopInputValidator : AbstractValidator<CampaignStopInput>
{
    public CampaignStopInputValidator()
    {
        RuleFor(s => s.CommuneCode).NotEmpty().MaximumLength(12).Matches(GeographyCodes.CommunePattern);
        RuleFor(s => s.Date).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
    }
}

internal sealed class CampaignInputValidator : AbstractValidator<ICampaignInput>
{
    public const int MaxStops = 200;

    public CampaignInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrganiserName).MaximumLength(200);
        RuleFor(c => c.OrganiserName).NotEmpty().When(c => c.OrganiserPartnerId is null)
            .WithMessage(_ => new LocalizedText(
                "Name the organiser: a partner (organiserPartnerId) or, failing that, in free text.",
                "Nommez l'organisateur : un partenaire (organiserPartnerId) ou, à défaut, en texte libre.",
                "حدد المنظم: شريك (organiserPartnerId) أو، إن تعذر، بنص حر.").ToString());
        RuleFor(c => c.OrganiserName).Empty().When(c => c.OrganiserPartnerId is not null)
            .WithMessage(_ => new LocalizedText(
                "Give the organiser as a partner or in free text, not both.",
                "Donnez l'organisateur comme partenaire ou en texte libre, pas les deux.",
                "حدد المنظم كشريك أو بنص حر، وليس كليهما.").ToString());
        RuleFor(c => c.StartsOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
        RuleFor(c => c.EndsOn).NotNull().GreaterThanOrEqualTo(c => c.StartsOn).When(c => c.StartsOn is not null);
        RuleFor(c => c.EndsOn).NotNull().LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(c => c.Stops).Must(s => s is null || s.Count <= MaxStops)
            .WithMessage(_ => new LocalizedText(
                $"A campaign has at most {MaxStops} stops.",
                $"Une campagne a au plus {MaxStops} étapes.",
                $"للحملة {MaxStops} محطة على الأكثر.").ToString());
        RuleForEach(c => c.Stops).NotNull().SetValidator(new CampaignStopInputValidator()).When(c => c.Stops is not { Count: > MaxStops });
        RuleForEach(c => c.Stops)
            .Must((c, stop) => stop?.Date is not { } day || c.StartsOn is null || c.EndsOn is null || (day >= c.StartsOn && day <= c.EndsOn))
            .OverridePropertyName("stops")
            .WithMessage(_ => new LocalizedText(
                "A stop's date falls within the campaign's dates.",
                "La date d'une étape est comprise dans les dates de la campagne.",
                "يقع تاريخ المحطة ضمن مدة الحملة.").ToString())
            .When(c => c.Stops is not { Count: > MaxStops });
    }
}
