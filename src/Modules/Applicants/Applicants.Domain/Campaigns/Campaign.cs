using System.Globalization;
using BuildingBlocks.Domain;

namespace Applicants.Domain.Campaigns;

public readonly record struct CampaignId(Guid Value) : IStronglyTypedId
{
    public static CampaignId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct CampaignStopId(Guid Value) : IStronglyTypedId
{
    public static CampaignStopId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>A stop as it is planned: a commune (and its province) on a day.</summary>
public sealed record PlannedStop(string CommuneCode, string ProvinceCode, DateOnly Date);

/// <summary>
/// An outreach campaign (a caravan): it travels from commune to commune between two dates, and
/// applications registered at a stop are attributed to it. Organised by a partner (its id, and its
/// name as it was then) or by someone named in free text. Not province-scoped: a caravan may cross
/// provinces; the applications registered at its stops are, each by its own commune.
/// </summary>
public sealed class Campaign : AggregateRoot<CampaignId>
{
    private readonly List<CampaignStop> _stops = [];

    private Campaign()
    {
        Name = OrganiserName = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The organising partner, when it is one; <see cref="OrganiserName"/> is then its name.</summary>
    public Guid? OrganiserPartnerId { get; private set; }

    public string OrganiserName { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public IReadOnlyCollection<CampaignStop> Stops => _stops;

    public DateTimeOffset CreatedOn { get; private set; }

    public static Campaign Plan(string name, Guid? organiserPartnerId, string organiserName, DateOnly startsOn, DateOnly endsOn, IEnumerable<PlannedStop> stops, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stops);
        CheckRule(new CampaignMustEndAfterItStartsRule(startsOn, endsOn));
        var campaign = new Campaign
        {
            Id = CampaignId.New(),
            Name = name.Trim(),
            OrganiserPartnerId = organiserPartnerId,
            OrganiserName = organiserName.Trim(),
            StartsOn = startsOn,
            EndsOn = endsOn,
            CreatedOn = now,
        };
        foreach (var stop in stops)
        {
            campaign.AddStop(stop);
        }

        return campaign;
    }

    public CampaignStop AddStop(PlannedStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        CheckRule(new StopMustFallWithinTheCampaignRule(stop.Date, StartsOn, EndsOn));
        var added = CampaignStop.Of(stop);
        _stops.Add(added);
        return added;
    }
}

/// <summary>A day of the campaign in a commune.</summary>
public sealed class CampaignStop : Entity<CampaignStopId>, IPartOfAggregate<Campaign>
{
    private CampaignStop()
    {
        CommuneCode = ProvinceCode = string.Empty;
    }

    public string CommuneCode { get; private set; }

    public string ProvinceCode { get; private set; }

    public DateOnly Date { get; private set; }

    internal static CampaignStop Of(PlannedStop stop) =>
        new() { Id = CampaignStopId.New(), CommuneCode = stop.CommuneCode, ProvinceCode = stop.ProvinceCode, Date = stop.Date };
}

/// <summary>A campaign ends on or after the day it starts.</summary>
public sealed class CampaignMustEndAfterItStartsRule(DateOnly startsOn, DateOnly endsOn) : IBusinessRule
{
    public string Code => "campaign.ends-before-start";

    public LocalizedText Message => new(
        "A campaign cannot end before it starts.",
        "Une campagne ne peut pas se terminer avant de commencer.",
        "لا يمكن أن تنتهي الحملة قبل أن تبدأ.");

    public bool IsBroken() => endsOn < startsOn;
}

/// <summary>A campaign stops only between its first and last day.</summary>
public sealed class StopMustFallWithinTheCampaignRule(DateOnly date, DateOnly startsOn, DateOnly endsOn) : IBusinessRule
{
    public string Code => "campaign.stop-outside-dates";

    public LocalizedText Message => new(
        $"A stop on {Day(date)} falls outside the campaign ({Day(startsOn)} to {Day(endsOn)}).",
        $"Une étape le {Day(date)} tombe hors de la campagne (du {Day(startsOn)} au {Day(endsOn)}).",
        $"محطة بتاريخ {Day(date)} تقع خارج مدة الحملة (من {Day(startsOn)} إلى {Day(endsOn)}).");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsBroken() => date < startsOn || date > endsOn;
}
