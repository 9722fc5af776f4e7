using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Infrastructure.SignIn;

/// <summary>Signs bearer tokens for staff; holds the one signing key the validator also uses.</summary>
internal sealed class AccessTokenIssuer
{
    private readonly AuthOptions _options;
    private readonly TimeProvider _clock;

    public AccessTokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        SigningKey = new SymmetricSecurityKey(KeyBytes(_options.SigningKey));
    }

    public SymmetricSecurityKey SigningKey { get; }

    public AuthOptions Options => _options;

    public (string Token, int ExpiresIn) Issue(StaffSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var claims = signIn.Claims()
            .Append(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()))
            // Checked on every request (AccountSessions): a new stamp ends the sessions opened before it.
            .Append(new Claim(Sessions.AccountSessions.StampClaim, signIn.User?.SecurityStamp ?? string.Empty));

        var now = _clock.GetUtcNow();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _options.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)_options.TokenLifetime.TotalSeconds);
    }

    private static byte[] KeyBytes(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return RandomNumberGenerator.GetBytes(64);
        }

        var bytes = Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long.");
        }

        return bytes;
    }
}
