using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Partnerships.Application.Webhooks;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Infrastructure.Endpoints;

/// <summary>Where to post the calling partner's events, and (optionally) the secret to sign them with.</summary>
public sealed record WebhookEndpointRequest(string? Url, string? Secret = null) : IWebhookInput, IApiExample<WebhookEndpointRequest>
{
    public static WebhookEndpointRequest Example { get; } = new(WebhookEndpointDto.Example.Url, WebhookEndpointDto.Example.Secret);
}

internal static class WebhookEndpoints
{
    /// <summary>The contract a receiver implements: in the document itself, so a partner's developer needs nothing else.</summary>
    public const string Scheme =
        "Each stage change of a project this partner follows (the projects of its status feed) becomes a delivery, posted to the registered URL: "
        + "`POST <url>` with `Content-Type: application/json; charset=utf-8` and the body "
        + "`{\"id\": \"<delivery id>\", \"type\": \"project.stage_changed\", \"createdOn\": \"<when recorded>\", \"data\": {\"applicationId\": \"…\", \"programmeId\": \"…\", \"sequence\": 3, \"fromStage\": \"UnderReview\", \"toStage\": \"Approved\", \"outcome\": \"Approved\", \"changedAt\": \"2026-11-20T15:12:00+01:00\"}}` "
        + "(as in the status feed, nothing personal). Headers: `X-Webhook-Id` (the delivery id, the same on every attempt and replay: ignore one you already processed), "
        + "`X-Webhook-Event` (`project.stage_changed`) and `X-Webhook-Signature: t=<unix seconds>,v1=<signature>`, where the signature is the lowercase hex "
        + "HMAC-SHA256, keyed with the UTF-8 bytes of the secret, of the UTF-8 bytes of `t + \".\" + raw body`. "
        + "To verify: compute it over the raw body exactly as received (before any JSON parsing), compare in constant time, "
        + "and refuse a `t` more than 5 minutes away from your clock (every attempt and every replay is signed afresh with its own `t`). "
        + "Answer any 2xx within 10 seconds to acknowledge; anything else (or no answer) is retried after 30 s, then 1, 2, 4 … minutes, doubling, 12 attempts over about 17 hours, "
        + "after which the delivery is Failed until replayed. A project's deliveries are posted one after the other in `sequence` order: a later one waits until the earlier one is delivered.";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/v1/partner/webhooks").WithTags("Partner systems").RequireAuthorization(AuthNames.PartnerPolicy)
            .RequireRateLimiting(PartnerAccess.RateLimitPolicy)
            .RequireScope(ApiKeyScopes.WebhooksManage);

        portal.MapPut("/", async (WebhookEndpointRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetWebhookEndpointCommand(request.Url, request.Secret), ct)))
            .WithName("SetPartnerWebhook")
            .WithSummary("Register or change where the calling partner's events are posted, and the signing secret")
            .WithDescription("Needs the key scope `webhooks:manage` (403 without it). The URL must be https (422 otherwise). Leave the secret out to keep the current one (or get a random one on first registration); the answer shows it. " + Scheme)
            .Produces<WebhookEndpointDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        portal.MapGet("/", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWebhookEndpointQuery(), ct)))
            .WithName("GetPartnerWebhook")
            .WithSummary("The calling partner's webhook endpoint and its signing secret")
            .WithDescription("Needs the key scope `webhooks:manage`. 404 when none is registered. " + Scheme)
            .Produces<WebhookEndpointDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        portal.MapDelete("/", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveWebhookEndpointCommand(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemovePartnerWebhook")
            .WithSummary("Stop posting the calling partner's events")
            .WithDescription("Needs the key scope `webhooks:manage`. No delivery is recorded from now on, and those pending wait until an endpoint is registered again. 404 when none is registered.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        portal.MapGet("/deliveries", async (
                ISender sender,
                CancellationToken ct,
                WebhookDeliveryStatus? status,
                Guid? applicationId,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize) =>
                TypedResults.Ok(await sender.Send(new GetWebhookDeliveriesQuery(status, applicationId, page, pageSize), ct)))
            .WithName("ListPartnerWebhookDeliveries")
            .WithSummary("The calling partner's webhook deliveries, newest first, with every attempt")
            .WithDescription("Needs the key scope `webhooks:manage`. Filter by `status` (Pending, Sending, Delivered, Failed) to find what your endpoint missed, and replay it. Each delivery shows the exact body posted and every attempt with your endpoint's answer. Another partner's deliveries never appear.")
            .WithParametersFrom<GetWebhookDeliveriesQuery>()
            .Produces<PagedResult<WebhookDeliveryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        portal.MapGet("/deliveries/{deliveryId:guid}", async ([Description("The delivery's id, as the X-Webhook-Id header and the list give it.")] Guid deliveryId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWebhookDeliveryQuery(deliveryId), ct)))
            .WithName("GetPartnerWebhookDelivery")
            .WithSummary("One webhook delivery of the calling partner, with every attempt")
            .WithDescription("Needs the key scope `webhooks:manage`. Another partner's delivery answers 404, exactly as one that does not exist.")
            .Produces<WebhookDeliveryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        portal.MapPost("/deliveries/{deliveryId:guid}/replay", async ([Description("The delivery's id, as the X-Webhook-Id header and the list give it.")] Guid deliveryId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReplayWebhookDeliveryCommand(deliveryId), ct);
                return TypedResults.Accepted($"/api/v1/partner/webhooks/deliveries/{deliveryId}", await sender.Send(new GetWebhookDeliveryQuery(deliveryId), ct));
            })
            .WithName("ReplayPartnerWebhookDelivery")
            .WithSummary("Post a delivery again (after your endpoint was fixed, or to re-process it)")
            .WithDescription("Needs the key scope `webhooks:manage`. The delivery goes back to Pending with a fresh round of attempts and is posted within a minute, with the same id and body and a new signature; a later delivery of the same project waits for it. 409 while it is being sent; another partner's delivery answers 404.")
            .Produces<WebhookDeliveryDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
