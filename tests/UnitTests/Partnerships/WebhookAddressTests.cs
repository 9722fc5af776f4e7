using System.Net;
using Partnerships.Application.Webhooks;

namespace UnitTests.Partnerships;

/// <summary>Webhooks are posted only to the public internet, never into the agency's own network.</summary>
public class WebhookAddressTests
{
    [Theory]
    [InlineData("41.250.10.20")] // Maroc Telecom
    [InlineData("196.200.131.10")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2a01:cb00::1")]
    public void A_public_address_is_allowed(string address) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).Should().BeTrue();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")] // shared address space (CGNAT)
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void An_address_of_a_private_network_is_refused(string address) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).Should().BeFalse();

    [Fact]
    public void Loopback_is_allowed_only_when_local_tests_ask_for_it()
    {
        WebhookAddresses.Allows(IPAddress.Loopback, allowLoopback: false).Should().BeFalse();
        WebhookAddresses.Allows(IPAddress.Loopback, allowLoopback: true).Should().BeTrue();
        WebhookAddresses.Allows(IPAddress.Parse("::ffff:127.0.0.1"), allowLoopback: true).Should().BeTrue();
        WebhookAddresses.Allows(IPAddress.Parse("10.0.0.5"), allowLoopback: true).Should().BeFalse();
    }
}
