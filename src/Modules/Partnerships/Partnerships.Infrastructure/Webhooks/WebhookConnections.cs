using System.Net;
using System.Net.Sockets;
using Partnerships.Application.Webhooks;

namespace Partnerships.Infrastructure.Webhooks;

/// <summary>
/// The webhook client's connections: the receiver's name is resolved here and only a public
/// address is connected to (<see cref="WebhookAddresses"/>), so a name that points, or is later
/// pointed, at the agency's own network is refused when posting, not only when registering.
/// </summary>
internal static class WebhookConnections
{
    public static SocketsHttpHandler Handler(bool allowLoopback) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookAddresses.Allows(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The receiver's address is not a public internet address ({endpoint.Host}).");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endpoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw new HttpRequestException($"The receiver could not be reached ({endpoint.Host}).", last);
    }
}
