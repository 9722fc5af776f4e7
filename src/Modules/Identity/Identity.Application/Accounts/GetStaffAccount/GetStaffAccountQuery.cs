using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Identity.Application.Accounts.GetStaffAccount;

/// <summary>One account; an account the caller may not read answers 404, as if it did not exist.</summary>
public sealed record GetStaffAccountQuery(Guid AccountId) : IRequest<StaffAccountDto>;

/// <summary>The caller's own account.</summary>
public sealed record GetOwnAccountQuery : IRequest<StaffAccountDto>;

internal sealed class GetStaffAccountQueryHandler(IStaffAccounts accounts, ICurrentUser caller)
    : IRequestHandler<GetStaffAccountQuery, StaffAccountDto>, IRequestHandler<GetOwnAccountQuery, StaffAccountDto>
{
    public async ValueTask<StaffAccountDto> Handle(GetStaffAccountQuery query, CancellationToken cancellationToken)
    {
        var only = AccountAccess.OnlyReadable(caller);
        if (only is { } own && own != query.AccountId)
        {
            throw new NotFoundException("staff account", query.AccountId);
        }

        return await ReadAsync(query.AccountId, cancellationToken);
    }

    public async ValueTask<StaffAccountDto> Handle(GetOwnAccountQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(caller.UserId ?? throw new ForbiddenException("Only a staff member has an account."), cancellationToken);

    private async Task<StaffAccountDto> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await accounts.Read(new StaffAccountFilter(null, null, null, null, id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("staff account", id);
}
