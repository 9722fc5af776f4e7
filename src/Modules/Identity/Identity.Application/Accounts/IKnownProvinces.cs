using Applicants.Contracts;
using Mediator;

namespace Identity.Application.Accounts;

/// <summary>
/// The one place where an account's provinces are checked against the reference geography, which
/// the Applicants module keeps and answers through its Contracts.
/// </summary>
public interface IKnownProvinces
{
    /// <summary>The codes among <paramref name="codes"/> that name no province or prefecture.</summary>
    Task<IReadOnlyList<string>> UnknownAmongAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken);
}

internal sealed class ReferenceGeographyProvinces(ISender sender) : IKnownProvinces
{
    public async Task<IReadOnlyList<string>> UnknownAmongAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken) =>
        codes.Count == 0 ? [] : [.. await sender.Send(new FindUnknownProvincesQuery(codes), cancellationToken)];
}
