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
public sealed record IssueApiKeyCommand(Guid PartnerId, string Label) : ICommand<IssuedApiKeyDto>, IApiKeyInput;

/// <summary>What an administrator states about a key he issues.</summary>
public interface IApiKeyInput
{
    /// <summary>What the key is for, so that it can be told apart and revoked later (e.g. the partner's system and environment).</summary>
    string? Label { get; }
}

/// <summary>A newly issued API key. <c>key</c> appears in this answer only: store it now.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="PartnerId">The partner whose systems the key authenticates.</param>
/// <param name="Label">What the key is for, as given.</param>
/// <param name="Key">The secret to send in the X-Api-Key header. Shown once; the agency keeps only its hash.</param>
/// <param name="Hint">The first characters of the key, kept to recognise it in lists and logs.</param>
/// <param name="IssuedOn">When the key was issued, in Moroccan time with its offset.</param>
public sealed record IssuedApiKeyDto(Guid Id, Guid PartnerId, string Label, string Key, string Hint, DateTimeOffset IssuedOn)
    : IApiExample<IssuedApiKeyDto>
{
    public static IssuedApiKeyDto Example { get; } = new(
        Guid.Parse("019ac1f9-0d4a-7e55-8b13-c2a9e64f7d80"),
        PartnerDto.Example.Id,
        "Système de suivi AFT — production",
        "pk_zbASy4lb4hL5csWA6fYToPs2Xgg23YPoraoDYLDpu0Y=",
        "pk_zbASy4",
        new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)));
}

internal sealed class ApiKeyInputValidator : AbstractValidator<IApiKeyInput>
{
    public ApiKeyInputValidator() => RuleFor(c => c.Label).NotEmpty().MaximumLength(100);
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
        var hint = key[..(ApiKeySecrets.Prefix.Length + 6)];
        var issued = PartnerApiKey.Issue(partnerId, command.Label.Trim(), ApiKeySecrets.Hash(key), hint, clock.GetUtcNow());
        db.ApiKeys.Add(issued);
        return new IssuedApiKeyDto(issued.Id.Value, command.PartnerId, issued.Label, key, hint, issued.IssuedOn);
    }
}
