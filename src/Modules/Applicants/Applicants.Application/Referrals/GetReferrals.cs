using Applicants.Application.Abstractions;
using Applicants.Domain.Applications;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Referrals;

/// <summary>The calling partner's referrals, filtered by programme and stage; sorted by <c>submittedOn</c> or <c>title</c>.</summary>
/// <param name="ProgrammeId">Only the referrals to this programme.</param>
/// <param name="Stage">Only the referrals at this stage.</param>
/// <param name="Sort">Comma-separated fields among submittedOn and title, each prefixed by - for descending order; by -submittedOn when left out.</param>
public sealed record GetReferralsQuery(
    Guid? ProgrammeId,
    ApplicationStage? Stage,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<ReferralDto>>, IPagedQuery;

internal sealed class GetReferralsQueryValidator : AbstractValidator<GetReferralsQuery>
{
    public GetReferralsQueryValidator()
    {
        this.RulesForPaging(GetReferralsQueryHandler.Sorts);
        RuleFor(q => q.Stage).IsInEnum();
    }
}

/// <summary>
/// A partner reads its referrals by its own id, never through the province filter: its provinces of
/// action may change, its referrals stay its own, and another partner's are never among them.
/// </summary>
internal static class PartnerReferrals
{
    public static IQueryable<ProjectApplication> Of(IApplicantsDbContext db, ICurrentUser caller)
    {
        var partnerId = caller.PartnerId ?? throw new ForbiddenException();
        return db.Applications.IgnoreQueryFilters().AsNoTracking().Where(a => a.ReferringPartnerId == partnerId);
    }
}

internal sealed class GetReferralsQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetReferralsQuery, PagedResult<ReferralDto>>
{
    internal static readonly SortMap<ProjectApplication> Sorts = new SortMap<ProjectApplication>()
        .Add("submittedOn", a => a.SubmittedOn)
        .Add("title", a => a.Title)
        .TieBreaker(a => a.Id);

    public async ValueTask<PagedResult<ReferralDto>> Handle(GetReferralsQuery query, CancellationToken cancellationToken)
    {
        var referrals = PartnerReferrals.Of(db, caller);
        if (query.ProgrammeId is { } programme)
        {
            referrals = referrals.Where(a => a.ProgrammeId == programme);
        }

        if (query.Stage is { } stage)
        {
            referrals = referrals.Where(a => a.Stage == stage);
        }

        var page = await Sorts.Apply(referrals, query.Sort, "-submittedOn").ProjectToReferral().ToPageAsync(query, cancellationToken);
        return page with { Items = [.. page.Items.Select(r => r.OldestFirst())] };
    }
}

/// <summary>One of the calling partner's referrals; another partner's answers 404, as one that does not exist.</summary>
public sealed record GetReferralQuery(Guid ReferralId) : IQuery<ReferralDto>;

internal sealed class GetReferralQueryHandler(IApplicantsDbContext db, ICurrentUser caller) : IQueryHandler<GetReferralQuery, ReferralDto>
{
    public async ValueTask<ReferralDto> Handle(GetReferralQuery query, CancellationToken cancellationToken)
    {
        var id = new ProjectApplicationId(query.ReferralId);
        var referral = await PartnerReferrals.Of(db, caller).Where(a => a.Id == id).ProjectToReferral().FirstOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("referral", query.ReferralId);
        return referral.OldestFirst();
    }
}
