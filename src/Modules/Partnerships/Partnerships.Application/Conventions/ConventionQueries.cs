using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Conventions;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.Conventions;

internal static class ConventionClock
{
    /// <summary>The day in Morocco: due dates and expiries are Moroccan calendar days.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime);
}

public sealed record GetConventionQuery(Guid ConventionId) : IQuery<ConventionDto>;

/// <summary>
/// Conventions, filtered by status, partner, programme and province, and by a text (<c>q</c>) found
/// in the reference or the title; sorted by <c>reference</c>, <c>signedOn</c>, <c>expiresOn</c> or <c>createdOn</c>.
/// </summary>
/// <param name="Status">Only conventions in this status.</param>
/// <param name="PartnerId">Only conventions this partner signed.</param>
/// <param name="ProgrammeId">Only conventions that frame this Financing programme.</param>
/// <param name="ProvinceCode">Only conventions of this province (HCP code, e.g. 02.381); national conventions are left out.</param>
/// <param name="Q">Text found in the reference or the title, ignoring case.</param>
/// <param name="Sort">Comma-separated fields among reference, signedOn, expiresOn and createdOn, each prefixed by - for descending order; by reference when left out.</param>
public sealed record GetConventionsQuery(
    ConventionStatus? Status,
    Guid? PartnerId,
    Guid? ProgrammeId,
    string? ProvinceCode,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ConventionDto>>, IPagedQuery;

public sealed record GetAmendmentsQuery(Guid ConventionId) : IQuery<IReadOnlyList<AmendmentDto>>;

public sealed record GetObligationsQuery(Guid ConventionId) : IQuery<IReadOnlyList<ObligationDto>>;

internal sealed class GetConventionsQueryValidator : AbstractValidator<GetConventionsQuery>
{
    public GetConventionsQueryValidator()
    {
        this.RulesForPaging(ConventionQueryHandlers.Sorts);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.ProvinceCode).Matches(ProvinceCodes.Pattern);
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class ConventionQueryHandlers(IPartnershipsDbContext db, TimeProvider clock) :
    IQueryHandler<GetConventionQuery, ConventionDto>,
    IQueryHandler<GetConventionsQuery, PagedResult<ConventionDto>>,
    IQueryHandler<GetAmendmentsQuery, IReadOnlyList<AmendmentDto>>,
    IQueryHandler<GetObligationsQuery, IReadOnlyList<ObligationDto>>
{
    internal static readonly SortMap<Convention> Sorts = new SortMap<Convention>()
        .Add("reference", c => c.Reference)
        .Add("signedOn", c => c.SignedOn)
        .Add("expiresOn", c => c.ExpiresOn)
        .Add("createdOn", c => c.CreatedOn)
        .TieBreaker(c => c.Id);

    public ValueTask<ConventionDto> Handle(GetConventionQuery query, CancellationToken cancellationToken) =>
        new(ConventionReads.ReadAsync(db, query.ConventionId, ConventionClock.Today(clock), cancellationToken));

    public async ValueTask<PagedResult<ConventionDto>> Handle(GetConventionsQuery query, CancellationToken cancellationToken)
    {
        var conventions = db.Conventions.AsNoTracking();
        if (query.Status is { } status)
        {
            conventions = conventions.Where(c => c.Status == status);
        }

        if (query.PartnerId is { } partner)
        {
            var partnerId = new PartnerId(partner);
            conventions = conventions.Where(c => c.Parties.Any(p => p.PartnerId == partnerId));
        }

        if (query.ProgrammeId is { } programme)
        {
            conventions = conventions.Where(c => c.ProgrammeIds.Contains(programme));
        }

        if (query.ProvinceCode is { } province)
        {
            conventions = conventions.Where(c => c.ProvinceCode == province);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = $"%{query.Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToUpperInvariant()}%";
            conventions = conventions.Where(c => EF.Functions.Like(c.Reference, text, "\\") || EF.Functions.Like(c.Title.ToUpper(), text, "\\"));
        }

        var page = await ConventionReads.Project(db, Sorts.Apply(conventions, query.Sort, "reference")).ToPageAsync(query, cancellationToken);
        var today = ConventionClock.Today(clock);
        var named = await ConventionReads.WithNamesAsync(db, [.. page.Items.Select(r => r.WithStatusOn(today))], cancellationToken);
        return new PagedResult<ConventionDto>(named, page.Page, page.PageSize, page.TotalCount);
    }

    public async ValueTask<IReadOnlyList<AmendmentDto>> Handle(GetAmendmentsQuery query, CancellationToken cancellationToken)
    {
        var id = new ConventionId(query.ConventionId);
        var amendments = await db.Conventions.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => c.Amendments.OrderBy(a => a.Number).Select(a => new AmendmentDto(a.Id.Value, a.Number, a.SignedOn, a.Summary, a.PreviousTerms, a.RecordedOn)).ToList())
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("convention", query.ConventionId);
        return amendments;
    }

    public async ValueTask<IReadOnlyList<ObligationDto>> Handle(GetObligationsQuery query, CancellationToken cancellationToken) =>
        (await ConventionReads.ReadAsync(db, query.ConventionId, ConventionClock.Today(clock), cancellationToken)).Obligations;
}
