using System.Security.Cryptography;
using System.Text;

namespace BuildingBlocks.Application.Security;

/// <summary>
/// The partner an API key belongs to, what the key may do (its scopes, e.g. <c>status:read</c>),
/// and where the partner acts: the provinces it may refer candidates in, or the whole country for
/// a national organisation that lists no province.
/// </summary>
public sealed record ApiKeyOwner(
    Guid KeyId,
    Guid PartnerId,
    IReadOnlyList<string>? Scopes = null,
    IReadOnlyList<string>? Provinces = null,
    bool Nationwide = false);

/// <summary>Finds the owner of an API key by the key's hash. Implemented by the module that owns partners.</summary>
public interface IApiKeyStore
{
    Task<ApiKeyOwner?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);
}

/// <summary>
/// API keys are 256-bit random secrets, so one SHA-256 is enough to store them safely (no
/// password-style stretching needed); the clear key is shown once, at issue, and never stored.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "pk_";

    public static string NewKey() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
