using System.Net;
using System.Security.Cryptography;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Application.Webhooks;

/// <summary>Configuration section <c>Partnerships:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Partnerships:Webhooks";

    /// <summary>Accept http:// URLs on a loopback address (127.0.0.1, ::1, localhost): for local tests only, never in production.</summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>The wait after the first failed attempt, doubled after each further one (30 s, 1 min, 2 min … 17 h in all by default).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is recorded as failed (12 by default: the last one about 17 hours after the first).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long the receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender runs (cron): every minute by default.</summary>
    public string Cron { get; set; } = "* * * * *";

    /// <summary>A delivery taken longer ago than this and still being sent belonged to a process that died: it is tried again.</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Where to post the calling partner's events, and the secret to sign them with.</summary>
public interface IWebhookInput
{
    /// <summary>The absolute URL events are posted to: https, at most 2000 characters.</summary>
    string? Url { get; }

    /// <summary>The signing secret, 32 to 200 printable ASCII characters; leave it out to keep the current one, or to get a new random one on first registration.</summary>
    string? Secret { get; }
}

internal sealed class WebhookInputValidator : AbstractValidator<IWebhookInput>
{
    public WebhookInputValidator()
    {
        RuleFor(i => i.Url).NotEmpty().MaximumLength(2000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("Must be an absolute https URL without credentials.");
        RuleFor(i => i.Secret).Length(32, 200).Matches("^[\\x21-\\x7E]+$").When(i => i.Secret is not null);
    }
}

/// <summary>Registers or changes the calling partner's webhook endpoint; answers it, with its secret.</summary>
public sealed record SetWebhookEndpointCommand(string? Url, string? Secret) : ICommand<WebhookEndpointDto>, IWebhookInput;

/// <summary>Removes the calling partner's webhook endpoint: no delivery is recorded for it any more.</summary>
public sealed record RemoveWebhookEndpointCommand : ICommand;

/// <summary>The calling partner's webhook endpoint.</summary>
public sealed record GetWebhookEndpointQuery : IQuery<WebhookEndpointDto>;

/// <summary>A partner's webhook endpoint.</summary>
/// <param name="Url">Where events are posted.</param>
/// <param name="Secret">The secret every delivery is signed with (HMAC-SHA256, see the `X-Webhook-Signature` header): keep it out of your source code.</param>
/// <param name="CreatedOn">When the endpoint was first registered.</param>
/// <param name="UpdatedOn">When its URL or secret last changed.</param>
public sealed record WebhookEndpointDto(string Url, string Secret, DateTimeOffset CreatedOn, DateTimeOffset UpdatedOn) : IApiExample<WebhookEndpointDto>
{
    public static WebhookEndpointDto Example { get; } = new(
        "https://si.atpe-nador.ma/hooks/ads",
        "whsec_Q2hhbmdlIG1lOiB0aGlzIGlzIGFuIGV4YW1wbGUgc2VjcmV0",
        new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)),
        new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)));
}

internal sealed class SetWebhookEndpointCommandValidator : AbstractValidator<SetWebhookEndpointCommand>
{
    public SetWebhookEndpointCommandValidator() => Include(new WebhookInputValidator());
}

internal static class PartnerCaller
{
    /// <summary>The calling partner system's partner id; anybody else is refused.</summary>
    public static Guid Own(this ICurrentUser caller) =>
        caller.Kind == CallerKind.Partner && caller.PartnerId is { } own ? own : throw new ForbiddenException("Only a partner system has webhooks.");
}

internal sealed class WebhookEndpointHandlers(IPartnershipsDbContext db, ICurrentUser caller, TimeProvider clock, IOptions<WebhookOptions> options) :
    ICommandHandler<SetWebhookEndpointCommand, WebhookEndpointDto>,
    ICommandHandler<RemoveWebhookEndpointCommand>,
    IQueryHandler<GetWebhookEndpointQuery, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(SetWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var own = caller.Own();
        var url = new Uri(command.Url!, UriKind.Absolute);
        if (url.Scheme != Uri.UriSchemeHttps && !(options.Value.AllowLoopbackHttp && IsLoopback(url)))
        {
            throw new BusinessRuleException(new WebhookMustUseHttpsRule());
        }

        if ((IPAddress.TryParse(url.DnsSafeHost, out var literal) && !WebhookAddresses.Allows(literal, options.Value.AllowLoopbackHttp))
            || (url.IsLoopback && !options.Value.AllowLoopbackHttp))
        {
            throw new BusinessRuleException(new WebhookMustBePublicRule());
        }

        var now = clock.GetUtcNow();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.PartnerId == own, cancellationToken);
        if (endpoint is null)
        {
            endpoint = WebhookEndpoint.Register(own, url.AbsoluteUri, command.Secret ?? NewSecret(), now);
            db.WebhookEndpoints.Add(endpoint);
        }
        else
        {
            endpoint.Change(url.AbsoluteUri, command.Secret ?? endpoint.Secret, now);
        }

        return new WebhookEndpointDto(endpoint.Url, endpoint.Secret, endpoint.CreatedOn, endpoint.UpdatedOn);
    }

    public async ValueTask<Unit> Handle(RemoveWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var own = caller.Own();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.PartnerId == own, cancellationToken)
            ?? throw new NotFoundException("webhook endpoint", own);
        db.WebhookEndpoints.Remove(endpoint);
        return Unit.Value;
    }

    public async ValueTask<WebhookEndpointDto> Handle(GetWebhookEndpointQuery query, CancellationToken cancellationToken)
    {
        var own = caller.Own();
        return await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.PartnerId == own)
            .Select(e => new WebhookEndpointDto(e.Url, e.Secret, e.CreatedOn, e.UpdatedOn))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("webhook endpoint", own);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class WebhookMustBePublicRule : IBusinessRule
    {
        public string Code => "webhook.address-not-public";

        public LocalizedText Message => new(
            "A webhook URL must point to a public internet address, not a private, loopback or link-local one.",
            "L'adresse d'un webhook doit désigner une adresse publique d'internet, non une adresse privée, locale ou de lien local.",
            "يجب أن يشير عنوان الويب هوك إلى عنوان عمومي على الإنترنت، لا إلى عنوان خاص أو محلي.");

        public bool IsBroken() => true;
    }

    private sealed class WebhookMustUseHttpsRule : IBusinessRule
    {
        public string Code => "webhook.https-required";

        public LocalizedText Message => new(
            "A webhook URL must use https.",
            "L'adresse d'un webhook doit utiliser https.",
            "يجب أن يستعمل عنوان الويب هوك بروتوكول https.");

        public bool IsBroken() => true;
    }
}
