using Financing.Contracts;
using Mediator;

namespace Financing.Application.Financings.FindFinancedHolders;

/// <summary>
/// Which holders already have a financed project. No financing exists before committees approve
/// plans (the next step of this module); until then no holder is financed.
/// </summary>
internal sealed class FindFinancedHoldersQueryHandler : IQueryHandler<FindFinancedHoldersQuery, IReadOnlyCollection<Guid>>
{
    public ValueTask<IReadOnlyCollection<Guid>> Handle(FindFinancedHoldersQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<Guid>>([]);
}
