using BuildingBlocks.Application.Exceptions;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Conventions;

namespace Partnerships.Application.Conventions;

/// <summary>Reads conventions as DTOs through a projection; the province filter hides what the caller may not read (404).</summary>
internal static class ConventionReads
{
    public static async Task<ConventionDto> ReadAsync(IPartnershipsDbContext db, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        var conventionId = new ConventionId(id);
        var found = await Project(db, db.Conventions.AsNoTracking().Where(c => c.Id == conventionId)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("convention", id);
        return await WithNamesAsync(db, found.WithStatusOn(today), cancellationToken);
    }

    public static IQueryable<ConventionRow> Project(IPartnershipsDbContext db, IQueryable<Convention> conventions) =>
        conventions.Select(c => new ConventionRow(
            new ConventionDto
            {
                Id = c.Id.Value,
                Reference = c.Reference,
                Title = c.Title,
                Kind = c.Kind,
                Status = c.Status,
                ProvinceCode = c.ProvinceCode,
                ManagerEmail = c.ManagerEmail,
                DurationMonths = c.DurationMonths,
                ProvinceCodes = c.ProvinceCodes,
                ProgrammeIds = c.ProgrammeIds,
                Commitments = c.Commitments,
                SignedOn = c.SignedOn,
                EffectiveOn = c.EffectiveOn,
                ExpiresOn = c.ExpiresOn,
                TerminatedOn = c.TerminatedOn,
                TerminationReason = c.TerminationReason,
                RenewalOf = c.RenewalOf == null ? null : c.RenewalOf.Value.Value,
                AmendmentCount = c.Amendments.Count,
                CreatedOn = c.CreatedOn,
                UpdatedOn = c.UpdatedOn,
                Version = c.Version,
            },
            c.Parties.OrderBy(p => p.Role).Select(p => new PartyDto(p.PartnerId.Value, null, p.Role)).ToList(),
            c.Obligations.OrderBy(o => o.DueOn).Select(o => new ObligationDto(o.Id.Value, o.PartnerId, o.Description, o.DueOn, o.Status, o.SettledOn)).ToList()));

    public static async Task<ConventionDto> WithNamesAsync(IPartnershipsDbContext db, ConventionDto dto, CancellationToken cancellationToken) =>
        (await WithNamesAsync(db, [dto], cancellationToken))[0];

    /// <summary>Names the parties; a partner hidden from the caller by the province filter is still named (a convention shows who signed it).</summary>
    public static async Task<List<ConventionDto>> WithNamesAsync(IPartnershipsDbContext db, IReadOnlyList<ConventionDto> dtos, CancellationToken cancellationToken)
    {
        var ids = dtos.SelectMany(d => d.Parties).Select(p => new Domain.Partners.PartnerId(p.PartnerId)).Distinct().ToList();
        var names = await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.Name ?? p.NameAr })
            .ToDictionaryAsync(p => p.Id.Value, p => p.Name, cancellationToken);
        return [.. dtos.Select(d => d with { Parties = [.. d.Parties.Select(p => p with { PartnerName = names.GetValueOrDefault(p.PartnerId) })] })];
    }
}

/// <summary>A convention as read, before its parties are named and its deliverables dated to today.</summary>
internal sealed record ConventionRow(ConventionDto Convention, List<PartyDto> Parties, List<ObligationDto> Obligations)
{
    public ConventionDto WithStatusOn(DateOnly today) => Convention with
    {
        Parties = Parties,
        Obligations = [.. Obligations.Select(o => o.Status == ObligationStatus.Pending && o.DueOn < today ? o with { Status = ObligationStatus.Late } : o)],
    };
}
