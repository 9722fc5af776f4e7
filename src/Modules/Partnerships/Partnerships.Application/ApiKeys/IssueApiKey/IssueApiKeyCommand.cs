using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.ApiKeys;
using Partnerships.Domain.Partners;

namespace Partnerships.Application.ApiKeys.IssueApiKey;

/// <summary>Issues a new API key to a partner system. The key is in this answer and nowhere else, ever.</summary>
public sealed record IssueApiKeyCommand(Guid PartnerId, string Label) : ICommand<IssuedApiKeyDto>;

public sealed record IssuedApiKeyDto(Guid Id, Guid PartnerId, string Label, string Key, string Hint, DateTimeOffset IssuedOn);

internal sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator() => RuleFor(c => c.Label).NotEmpty().MaximumLength(100);
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
