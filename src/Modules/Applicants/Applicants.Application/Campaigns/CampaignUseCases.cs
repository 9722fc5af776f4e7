using Applicants.Application.Abstractions;
using Applicants.Domain.Campaigns;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Contracts;

namespace Applicants.Application.Campaigns;

/// <summary>Plans an outreach campaign with its stops; answers its id.</summary>
public sealed record PlanCampaignCommand(
    string? Name,
    Guid? OrganiserPartnerId,
    string? OrganiserName,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<CampaignStopInput>? Stops) : ICommand<Guid>, ICampaignInput;

internal sealed class PlanCampaignCommandValidator : AbstractValidator<PlanCampaignCommand>
{
    public PlanCampaignCommandValidator() => Include(new CampaignInputValidator());
}

internal sealed class PlanCampaignCommandHandler(IApplicantsDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<PlanCampaignCommand, Guid>
{
    public async ValueTask<Guid> Handle(PlanCampaignCommand command, CancellationToken cancellationToken)
    {
        var organiser = command.OrganiserName;
        if (command.OrganiserPartnerId is { } partnerId)
        {
            var partner = (await sender.Send(new FindPartnersQuery([partnerId]), cancellationToken)).FirstOrDefault()
                          ?? throw new ValidationException([new ValidationFailure(nameof(command.OrganiserPartnerId), new LocalizedText(
                              "No partner has this id; see GET /api/v1/partners.",
                              "Aucun partenaire ne porte cet identifiant ; voir GET /api/v1/partners.",
                              "لا يوجد شريك بهذا المعرف؛ انظر GET /api/v1/partners.").ToString())]);
            organiser = partner.Name ?? partner.NameAr ?? partner.Acronym ?? partnerId.ToString();
        }

        var stops = await CampaignStops.PlanAsync(db, command.Stops ?? [], "stops", cancellationToken);
        var campaign = Campaign.Plan(command.Name!, command.OrganiserPartnerId, organiser!, command.StartsOn!.Value, command.EndsOn!.Value, stops, clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        return campaign.Id.Value;
    }
}

/// <summary>Adds a stop to a campaign, within its dates.</summary>
public sealed record AddCampaignStopCommand(Guid CampaignId, string? CommuneCode, DateOnly? Date) : ICommand;

internal sealed class AddCampaignStopCommandValidator : AbstractValidator<AddCampaignStopCommand>
{
    public AddCampaignStopCommandValidator()
    {
        RuleFor(s => s.CommuneCode).NotEmpty().MaximumLength(12).Matches(Geography.GeographyCodes.CommunePattern);
        RuleFor(s => s.Date).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
    }
}

internal sealed class AddCampaignStopCommandHandler(IApplicantsDbContext db) : ICommandHandler<AddCampaignStopCommand>
{
    public async ValueTask<Unit> Handle(AddCampaignStopCommand command, CancellationToken cancellationToken)
    {
        var id = new CampaignId(command.CampaignId);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                       ?? throw new NotFoundException("campaign", command.CampaignId);
        var stop = (await CampaignStops.PlanAsync(db, [new CampaignStopInput(command.CommuneCode, command.Date)], null, cancellationToken))[0];
        campaign.AddStop(stop);
        return Unit.Value;
    }
}

internal static class CampaignStops
{
    /// <summary>Each stop's commune looked up for its province, in one query; an unknown one is a 400 on its own field.</summary>
    public static async Task<List<PlannedStop>> PlanAsync(IApplicantsDbContext db, IReadOnlyList<CampaignStopInput> stops, string? prefix, CancellationToken cancellationToken)
    {
        var codes = stops.Select(s => s.CommuneCode!).Distinct().ToList();
        var provinces = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, cancellationToken);
        var failures = stops.Select((s, i) => (s, i)).Where(x => !provinces.ContainsKey(x.s.CommuneCode!))
            .Select(x => new ValidationFailure(prefix is null ? "communeCode" : $"{prefix}[{x.i}].communeCode", new LocalizedText(
                "No commune has this code; see GET /api/v1/geography/communes.",
                "Aucune commune ne porte ce code ; voir GET /api/v1/geography/communes.",
                "لا توجد جماعة بهذا الرمز؛ انظر GET /api/v1/geography/communes.").ToString()))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return [.. stops.Select(s => new PlannedStop(s.CommuneCode!, provinces[s.CommuneCode!], s.Date!.Value))];
    }
}

public sealed record GetCampaignQuery(Guid CampaignId) : IQuery<CampaignDto>;

internal sealed class GetCampaignQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetCampaignQuery, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaignQuery query, CancellationToken cancellationToken)
    {
        var id = new CampaignId(query.CampaignId);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                       ?? throw new NotFoundException("campaign", query.CampaignId);
        return (await CampaignReader.ToDtosAsync(db, [campaign], cancellationToken))[0];
    }
}

/// <summary>Campaigns, filtered by a part of their name and by a province they stop in; sorted by <c>startsOn</c> or <c>name</c>.</summary>
/// <param name="Q">Part of the campaign's name, any case.</param>
/// <param name="ProvinceCode">Only the campaigns with a stop in this province or prefecture (HCP code, e.g. 04.291).</param>
/// <param name="Sort">Comma-separated fields among startsOn and name, each prefixed by - for descending order; by -startsOn when left out.</param>
public sealed record GetCampaignsQuery(
    string? Q,
    string? ProvinceCode,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<CampaignDto>>, IPagedQuery;

internal sealed class GetCampaignsQueryValidator : AbstractValidator<GetCampaignsQuery>
{
    public GetCampaignsQueryValidator()
    {
        this.RulesForPaging(GetCampaignsQueryHandler.Sorts);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.ProvinceCode).ProvinceCode();
    }
}

internal sealed class GetCampaignsQueryHandler(IApplicantsDbContext db) : IQueryHandler<GetCampaignsQuery, PagedResult<CampaignDto>>
{
    internal static readonly SortMap<Campaign> Sorts = new SortMap<Campaign>()
        .Add("startsOn", c => c.StartsOn)
        .Add("name", c => c.Name)
        .TieBreaker(c => c.Id);

    public async ValueTask<PagedResult<CampaignDto>> Handle(GetCampaignsQuery query, CancellationToken cancellationToken)
    {
        var campaigns = db.Campaigns.AsNoTracking();
        if (query.ProvinceCode is { } province)
        {
            campaigns = campaigns.Where(c => c.Stops.Any(s => s.ProvinceCode == province));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = $"%{Geography.Like.Escape(query.Q.Trim().ToLowerInvariant())}%";
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern));
        }

        var page = await Sorts.Apply(campaigns, query.Sort, "-startsOn").ToPageAsync(query, cancellationToken);
        return new PagedResult<CampaignDto>(await CampaignReader.ToDtosAsync(db, [.. page.Items], cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}

internal static class CampaignReader
{
    public static async Task<List<CampaignDto>> ToDtosAsync(IApplicantsDbContext db, IReadOnlyCollection<Campaign> campaigns, CancellationToken cancellationToken)
    {
        var ids = campaigns.Select(c => (Guid?)c.Id.Value).ToList();

        // Counts are no one's personal data: every province's applications count, whoever reads.
        var counts = await db.Applications.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.CampaignId) && a.CampaignStopId != null)
            .GroupBy(a => a.CampaignStopId)
            .Select(g => new { Stop = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Stop, g => g.Count, cancellationToken);
        return [.. campaigns.Select(c =>
        {
            var stops = c.Stops.OrderBy(s => s.Date).ThenBy(s => s.CommuneCode, StringComparer.Ordinal).Select(s => new CampaignStopDto
            {
                Id = s.Id.Value,
                CommuneCode = s.CommuneCode,
                ProvinceCode = s.ProvinceCode,
                Date = s.Date,
                Applications = counts.GetValueOrDefault(s.Id.Value),
            }).ToList();
            return new CampaignDto
            {
                Id = c.Id.Value,
                Name = c.Name,
                OrganiserPartnerId = c.OrganiserPartnerId,
                OrganiserName = c.OrganiserName,
                StartsOn = c.StartsOn,
                EndsOn = c.EndsOn,
                Stops = stops,
                Applications = stops.Sum(s => s.Applications),
            };
        })];
    }
}
