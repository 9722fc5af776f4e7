using System.Threading.Channels;
using Identity.Application.Accounts;

namespace Identity.Application.Passwords.RequestPasswordReset;

/// <summary>
/// Reset requests waiting for their email. In memory and bounded: a request lost with the process
/// is asked again by its owner, and a flood drops requests instead of growing without end.
/// </summary>
public sealed class PasswordResetQueue
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(string email) => _requests.Writer.TryWrite(email);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _requests.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Sends the link when an active account has this address; does nothing otherwise.</summary>
    public static async Task SendLinkAsync(string email, IStaffAccounts accounts, PasswordLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(links);
        if (await accounts.FindByEmailAsync(email, cancellationToken) is { Active: true } account)
        {
            await links.SendAsync(account.Id, account.Email, null, account.PreferredLanguage, PasswordLinkKind.Reset, cancellationToken);
        }
    }
}
