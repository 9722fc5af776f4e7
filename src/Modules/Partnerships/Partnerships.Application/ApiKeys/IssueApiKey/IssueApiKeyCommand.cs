using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Application.Partners;
using Partnerships.Domain.ApiKeys;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.ApiKeys.IssueApiKey;

/// <summary>Issues a new API key to a partner system. The key is in this answer and nowhere else, ever.</summary>
public sealed record IssueApiKeyCommand(Guid PartnerId, string Label, IReadOnlyList<string>? Scopes = null) : ICommand<IssuedApiKeyDto>, IApiKeyInput;

/// <summary>What an administrator states about a key he issues.</summary>
public interface IApiKeyInput
{
    /// <summary>What the key is for, so that it can be told apart and revoked later (e.g. the partner's system and environment).</summary>
    string? Label { get; }

    /// <summary>What the key may do: any of `referrals:write` (propose candidates), `status:read` (the status feed of the partner's projects), `webhooks:manage` (register a webhook and read its deliveries). Give a system only what it needs; `status:read` alone when left out.</summary>
    IReadOnlyList<string>? Scopes { get; }
}

/// <summary>A newly issued API key. <c>key</c> appears in this answer only: store it now.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="PartnerId">The partner whose systems the key authenticates.</param>
/// <param name="Label">What the key is for, as given.</param>
/// <param name="Key">The secret to send in the X-Api-Key header. Shown once; the agency keeps only its hash.</param>
/// <param name="Hint">The first characters of the key, kept to recognise it in lists and logs.</param>
/// <param name="IssuedOn">When the key was issued, in Moroccan time with its offset.</param>
/// <param name="Scopes">What the key may do.</param>
public sealed record IssuedApiKeyDto(Guid Id, Guid PartnerId, string Label, string Key, string Hint, DateTimeOffset IssuedOn, IReadOnlyList<string> Scopes)
    : IApiExample<IssuedApiKeyDto>
{
    public static IssuedApiKeyDto Example { get; } = new(
        Guid.Parse("019ac1f9-0d4a-7e55-8b13-c2a9e64f7d80"),
        PartnerDto.Example.Id,
        "Système de suivi AFT — production",
        "pk_zbASy4lb4hL5csWA6fYToPs2Xgg23YPoraoDYLDpu0Y=",
        "pk_zbASy4",
        new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)),
        [ApiKeyScopes.StatusRead, ApiKeyScopes.WebhooksManage]);
}

internal sealed class ApiKeyInputValidator : AbstractValidator<IApiKeyInput>
{
    public ApiKeyInputValidator()
    {
        RuleFor(c => c.Label).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Scopes).Must(s => s!.Count > 0).When(c => c.Scopes is not null).WithMessage("At least one scope, or leave the list out.");
        RuleForEach(c => c.Scopes).NotNull().Matches(ApiKeyScopes.Pattern);
    }
}

internal sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator() => Include(new ApiKeyInputValidator());
}

internal sealed class IssueApiKeyCommandHandler(IPartnershipsDbContext db, TimeProvider clock) : ICommandHandler<IssueApiKeyCommand, IssuedApiKeyDto>
{
    public async ValueTask<IssuedApiKeyDto> Handle(IssueApiKeyCommand command, CancellationToken cancellationToken)
    {
        var partnerId = new PartnerId(command.PartnerId);
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw new NotFoundException("partner", command.PartnerId);
        }

        var key = ApiKeySecrets.NewKey();
        var hint = Hint(key);
        var issued = PartnerApiKey.Issue(partnerId, command.Label.Trim(), ApiKeySecrets.Hash(key), hint, command.Scopes ?? [ApiKeyScopes.StatusRead], clock.GetUtcNow());
        db.ApiKeys.Add(issued);
        return new IssuedApiKeyDto(issued.Id.Value, command.PartnerId, issued.Label, key, hint, issued.IssuedOn, issued.Scopes);
    }

    internal static string Hint(string key) => key[..(ApiKeySecrets.Prefix.Length + 6)];
}

/// <summary>Replaces a key by a new one with the same label and scopes; the old key stops working at once. The new key is in this answer only.</summary>
public sealed record RotateApiKeyCommand(Guid PartnerId, Guid KeyId) : ICommand<IssuedApiKeyDto>;

/// <summary>Revokes a key: it stops working at once, for good. Revoking a revoked key changes nothing.</summary>
public sealed record RevokeApiKeyCommand(Guid PartnerId, Guid KeyId) : ICommand;

/// <summary>A partner's keys, newest first, without the keys themselves (the agency never has them).</summary>
public sealed record GetApiKeysQuery(Guid PartnerId) : IQuery<IReadOnlyList<ApiKeyDto>>;

/// <summary>An API key as listed: never the key itself.</summary>
/// <param name="Id">The key's id, to rotate or revoke it.</param>
/// <param name="Label">What the key is for.</param>
/// <param name="Hint">The first characters of the key.</param>
/// <param name="Scopes">What the key may do.</param>
/// <param name="IssuedOn">When it was issued, in Moroccan time with its offset.</param>
/// <param name="RevokedOn">When it was revoked (or rotated away); null while it works.</param>
/// <param name="RotatedFrom">The key it replaced by rotation; null otherwise.</param>
public sealed record ApiKeyDto(Guid Id, string Label, string Hint, IReadOnlyList<string> Scopes, DateTimeOffset IssuedOn, DateTimeOffset? RevokedOn, Guid? RotatedFrom);

internal sealed class ApiKeyLifeHandlers(IPartnershipsDbContext db, TimeProvider clock) :
    ICommandHandler<RotateApiKeyCommand, IssuedApiKeyDto>,
    ICommandHandler<RevokeApiKeyCommand>,
    IQueryHandler<GetApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IssuedApiKeyDto> Handle(RotateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var old = await FindAsync(command.PartnerId, command.KeyId, cancellationToken);
        var key = ApiKeySecrets.NewKey();
        var next = old.Rotate(ApiKeySecrets.Hash(key), IssueApiKeyCommandHandler.Hint(key), clock.GetUtcNow());
        db.ApiKeys.Add(next);
        return new IssuedApiKeyDto(next.Id.Value, command.PartnerId, next.Label, key, next.Hint, next.IssuedOn, next.Scopes);
    }

    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await FindAsync(command.PartnerId, command.KeyId, cancellationToken);
        key.Revoke(clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(GetApiKeysQuery query, CancellationToken cancellationToken)
    {
        var partnerId = new PartnerId(query.PartnerId);
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw new NotFoundException("partner", query.PartnerId);
        }

        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.PartnerId == partnerId)
            .OrderByDescending(k => k.IssuedOn)
            .Select(k => new ApiKeyDto(k.Id.Value, k.Label, k.Hint, k.Scopes, k.IssuedOn, k.RevokedOn, k.RotatedFrom == null ? null : k.RotatedFrom.Value.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A key of another partner answers 404, as one that does not exist.</summary>
    private async Task<PartnerApiKey> FindAsync(Guid partner, Guid key, CancellationToken cancellationToken)
    {
        var partnerId = new PartnerId(partner);
        var keyId = new PartnerApiKeyId(key);
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw new NotFoundException("partner", partner);
        }

        return await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.PartnerId == partnerId, cancellationToken)
            ?? throw new NotFoundException("api-key", key);
    }
}
