using BuildingBlocks.Application.Security;

namespace UnitTests.BuildingBlocks;

public class ApiKeySecretsTests
{
    [Fact]
    public void A_new_key_carries_the_prefix_and_is_url_safe()
    {
        var key = ApiKeySecrets.NewKey();

        key.Should().StartWith("pk_");
        key.Should().MatchRegex("^pk_[A-Za-z0-9_-]{43}$");
    }

    [Fact]
    public void Two_new_keys_differ()
    {
        ApiKeySecrets.NewKey().Should().NotBe(ApiKeySecrets.NewKey());
    }

    [Fact]
    public void A_hash_is_sixty_four_lower_case_hex_characters()
    {
        ApiKeySecrets.Hash(ApiKeySecrets.NewKey()).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void The_same_key_always_hashes_the_same_and_another_key_differently()
    {
        ApiKeySecrets.Hash("pk_abc").Should().Be(ApiKeySecrets.Hash("pk_abc"));
        ApiKeySecrets.Hash("pk_abc").Should().NotBe(ApiKeySecrets.Hash("pk_abd"));
    }

    [Fact]
    public void The_hash_is_the_SHA256_of_the_key()
    {
        // Known SHA-256 of "abc", so a store built elsewhere finds the same row.
        ApiKeySecrets.Hash("abc").Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
