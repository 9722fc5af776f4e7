using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;

namespace Identity.Application.Accounts.GetStaffAccounts;

/// <summary>
/// Staff accounts, filtered by role, province, status and a text (<c>q</c>) found in the email or
/// either name; sorted by <c>email</c>, <c>displayName</c> or <c>createdOn</c>. An Officer or a
/// Mentor finds only his own account.
/// </summary>
/// <param name="Role">Only accounts holding this role.</param>
/// <param name="Province">Only accounts working on this province (HCP code, e.g. 03.531).</param>
/// <param name="Active">Only active accounts (true) or deactivated ones (false).</param>
/// <param name="Q">Text found in the email, the Latin name (case ignored) or the Arabic name.</param>
/// <param name="Sort">Comma-separated fields among email, displayName and createdOn, each prefixed by - for descending order; by email when left out.</param>
public sealed record GetStaffAccountsQuery(
    StaffRole? Role,
    string? Province,
    bool? Active,
    string? Q,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IRequest<PagedResult<StaffAccountDto>>, IPagedQuery;

internal sealed class GetStaffAccountsQueryValidator : AbstractValidator<GetStaffAccountsQuery>
{
    public GetStaffAccountsQueryValidator()
    {
        this.RulesForPaging(GetStaffAccountsQueryHandler.Sorts);
        RuleFor(q => q.Role).IsInEnum();
        RuleFor(q => q.Province).ProvinceCode();
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class GetStaffAccountsQueryHandler(IStaffAccounts accounts, ICurrentUser caller)
    : IRequestHandler<GetStaffAccountsQuery, PagedResult<StaffAccountDto>>
{
    internal static readonly SortMap<StaffAccountDto> Sorts = new SortMap<StaffAccountDto>()
        .Add("email", a => a.Email)
        .Add("displayName", a => a.DisplayName)
        .Add("createdOn", a => a.CreatedOn)
        .TieBreaker(a => a.Id);

    public async ValueTask<PagedResult<StaffAccountDto>> Handle(GetStaffAccountsQuery query, CancellationToken cancellationToken)
    {
        var filter = new StaffAccountFilter(query.Role, query.Province, query.Active, query.Q, AccountAccess.OnlyReadable(caller));
        return await Sorts.Apply(accounts.Read(filter), query.Sort, "email").ToPageAsync(query, cancellationToken);
    }
}
