using BuildingBlocks.Domain;
using Financing.Domain.Programmes;
using Riok.Mapperly.Abstractions;

namespace Financing.Application.Programmes;

/// <summary>Programme → <see cref="ProgrammeDto"/>, generated at compile time and projected in SQL.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class ProgrammeMapper
{
    public static partial IQueryable<ProgrammeDto> ProjectToDto(this IQueryable<Programme> programmes);

    // Expression-bodied, so Mapperly inlines them into the projection's expression tree.
    private static Guid ToGuid(ProgrammeId id) => id.Value;

    private static decimal? ToAmount(Money? amount) => amount.HasValue ? amount.Value.Amount : null;

    private static IReadOnlyList<ProgrammeTrancheDto> ToTranches(IReadOnlyCollection<ProgrammeTranche> tranches) =>
        tranches.OrderBy(t => t.Number)
            .Select(t => new ProgrammeTrancheDto { Number = t.Number, Share = t.Share, RequiresPositiveVisit = t.RequiresPositiveVisit })
            .ToList();

    private static IReadOnlyList<ProgrammeFunderDto> ToFunders(IReadOnlyCollection<ProgrammeFunder> funders) =>
        funders.OrderByDescending(f => f.Envelope)
            .Select(f => new ProgrammeFunderDto { PartnerId = f.PartnerId, Envelope = f.Envelope })
            .ToList();
}
