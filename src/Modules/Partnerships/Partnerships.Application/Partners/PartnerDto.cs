using Partnerships.Domain.Partners;

namespace Partnerships.Application.Partners;

/// <summary>A partner as the API shows it. <c>version</c> is sent back on update (optimistic concurrency).</summary>
public sealed record PartnerDto
{
    public Guid Id { get; init; }

    public string? Name { get; init; }

    public string? NameAr { get; init; }

    public string? Acronym { get; init; }

    public PartnerType Type { get; init; }

    public string? ProvinceCode { get; init; }

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public DateTimeOffset RegisteredOn { get; init; }

    public DateTimeOffset UpdatedOn { get; init; }

    public uint Version { get; init; }
}
