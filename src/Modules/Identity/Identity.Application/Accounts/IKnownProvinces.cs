namespace Identity.Application.Accounts;

/// <summary>
/// The one place where an account's provinces are checked against the reference geography. Until
/// the Applicants module publishes it through its Contracts, every well-shaped code (NN.NNN,
/// checked by validation) is accepted; then this becomes a query to that module.
/// </summary>
public interface IKnownProvinces
{
    /// <summary>The codes among <paramref name="codes"/> that name no province or prefecture.</summary>
    Task<IReadOnlyList<string>> UnknownAmongAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken);
}

internal sealed class ShapeCheckedProvinces : IKnownProvinces
{
    public Task<IReadOnlyList<string>> UnknownAmongAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
