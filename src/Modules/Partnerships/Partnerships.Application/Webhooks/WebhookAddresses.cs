using System.Net;
using System.Net.Sockets;

namespace Partnerships.Application.Webhooks;

/// <summary>
/// Which addresses the agency's servers may post a partner's events to: public internet addresses
/// only. A webhook URL is the partner's to choose, so without this rule a key holder could make the
/// host call the agency's own network (metadata services, databases, admin consoles): checked on
/// the URL when it is registered, and again on every address the name resolves to when posting.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>An address on the public internet: not loopback, private, link-local, shared (CGNAT), unique-local, multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0
                || b[0] == 10
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC);
    }

    /// <summary>Whether the host is allowed: a public address, or loopback when loopback http is allowed (local tests).</summary>
    public static bool Allows(IPAddress address, bool allowLoopback) =>
        IsPublic(address) || (allowLoopback && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}
