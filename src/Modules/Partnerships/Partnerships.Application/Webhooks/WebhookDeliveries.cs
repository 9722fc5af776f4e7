using System.Text.Json;
using System.Text.Json.Serialization;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Application.Projects;
using Partnerships.Domain.Projects;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Application.Webhooks;

/// <summary>The calling partner's webhook deliveries, newest first.</summary>
/// <param name="Status">Only the deliveries in this state (Pending, Sending, Delivered, Failed).</param>
/// <param name="ApplicationId">Only the deliveries about this project.</param>
public sealed record GetWebhookDeliveriesQuery(
    WebhookDeliveryStatus? Status,
    Guid? ApplicationId,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize) : IQuery<PagedResult<WebhookDeliveryDto>>, IPagedQuery
{
    public string? Sort => null;
}

/// <summary>One delivery of the calling partner, with every attempt.</summary>
public sealed record GetWebhookDeliveryQuery(Guid DeliveryId) : IQuery<WebhookDeliveryDto>;

/// <summary>Posts a delivery again as soon as the sender runs, with a fresh round of attempts.</summary>
public sealed record ReplayWebhookDeliveryCommand(Guid DeliveryId) : ICommand;

/// <summary>One try at posting a delivery.</summary>
/// <param name="Number">1 for the first attempt ever, replays included.</param>
/// <param name="AttemptedOn">When it was posted.</param>
/// <param name="StatusCode">What your endpoint answered; null when it could not be reached (connection refused, timeout).</param>
/// <param name="Error">Why it failed (a status or a network error); null when it succeeded.</param>
/// <param name="DurationMs">How long your endpoint took to answer, in milliseconds.</param>
public sealed record WebhookAttemptDto(int Number, DateTimeOffset AttemptedOn, int? StatusCode, string? Error, int DurationMs);

/// <summary>One event posted (or to be posted) to the partner's webhook endpoint.</summary>
/// <param name="Id">The delivery's id: also the body's `id` and the `X-Webhook-Id` header; a replay keeps it, so use it to ignore duplicates.</param>
/// <param name="EventType">What happened: `project.stage_changed`.</param>
/// <param name="ApplicationId">The project the event is about; deliveries of one project are posted one after the other, in order.</param>
/// <param name="Sequence">The stage change's rank in the project's history, as in the status feed.</param>
/// <param name="Status">Pending (waiting for its next attempt or for an earlier delivery of the same project), Sending, Delivered or Failed (out of attempts: replay it).</param>
/// <param name="Attempts">Attempts since it was recorded or last replayed.</param>
/// <param name="NextAttemptOn">When it is tried next, while pending.</param>
/// <param name="DeliveredOn">When your endpoint accepted it.</param>
/// <param name="CreatedOn">When the event was recorded.</param>
/// <param name="Payload">The exact JSON body posted, as a string (verify signatures over these bytes).</param>
/// <param name="AttemptLog">Every attempt, oldest first.</param>
public sealed record WebhookDeliveryDto(
    Guid Id,
    string EventType,
    Guid ApplicationId,
    int Sequence,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptOn,
    DateTimeOffset? DeliveredOn,
    DateTimeOffset CreatedOn,
    string Payload,
    IReadOnlyList<WebhookAttemptDto> AttemptLog) : IApiExample<WebhookDeliveryDto>
{
    public static WebhookDeliveryDto Example { get; } = new(
        Guid.Parse("019ac3c2-5b10-7e21-8a3f-0c9d8e7f6a51"),
        WebhookPayload.StageChanged,
        PartnerProjectDto.Example.ApplicationId,
        3,
        WebhookDeliveryStatus.Delivered,
        2,
        null,
        new DateTimeOffset(2026, 11, 20, 15, 13, 31, TimeSpan.FromHours(1)),
        new DateTimeOffset(2026, 11, 20, 15, 12, 1, TimeSpan.FromHours(1)),
        WebhookPayload.Example,
        [
            new WebhookAttemptDto(1, new DateTimeOffset(2026, 11, 20, 15, 13, 0, TimeSpan.FromHours(1)), 503, "HTTP 503", 41),
            new WebhookAttemptDto(2, new DateTimeOffset(2026, 11, 20, 15, 13, 31, TimeSpan.FromHours(1)), 200, null, 35),
        ]);
}

/// <summary>The body of a webhook delivery, fixed when the event is recorded.</summary>
public static class WebhookPayload
{
    public const string StageChanged = "project.stage_changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Example { get; } = For(
        new WebhookDeliveryId(Guid.Parse("019ac3c2-5b10-7e21-8a3f-0c9d8e7f6a51")),
        PartnerProjectDto.Example.ApplicationId,
        PartnerProjectDto.Example.ProgrammeId,
        PartnerProjectDto.Example.History[^1],
        new DateTimeOffset(2026, 11, 20, 15, 12, 1, TimeSpan.FromHours(1)));

    public static string For(WebhookDeliveryId id, Guid applicationId, Guid programmeId, StageChange change, DateTimeOffset createdOn)
    {
        ArgumentNullException.ThrowIfNull(change);
        return JsonSerializer.Serialize(
            new
            {
                id = id.Value,
                type = StageChanged,
                createdOn = MoroccanTime.ToLocal(createdOn),
                data = new
                {
                    applicationId,
                    programmeId,
                    sequence = change.Sequence,
                    fromStage = change.FromStage,
                    toStage = change.ToStage,
                    outcome = change.Outcome,
                    changedAt = MoroccanTime.ToLocal(change.ChangedAt),
                },
            },
            Json);
    }
}

internal sealed class GetWebhookDeliveriesQueryValidator : AbstractValidator<GetWebhookDeliveriesQuery>
{
    public GetWebhookDeliveriesQueryValidator()
    {
        this.RulesForPaging(WebhookDeliveryHandlers.Sorts);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class WebhookDeliveryHandlers(IPartnershipsDbContext db, ICurrentUser caller, TimeProvider clock) :
    IQueryHandler<GetWebhookDeliveriesQuery, PagedResult<WebhookDeliveryDto>>,
    IQueryHandler<GetWebhookDeliveryQuery, WebhookDeliveryDto>,
    ICommandHandler<ReplayWebhookDeliveryCommand>
{
    internal static readonly SortMap<WebhookDelivery> Sorts = new SortMap<WebhookDelivery>()
        .Add("createdOn", d => d.CreatedOn)
        .TieBreaker(d => d.Id);

    public async ValueTask<PagedResult<WebhookDeliveryDto>> Handle(GetWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var deliveries = Own();
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (query.ApplicationId is { } application)
        {
            deliveries = deliveries.Where(d => d.ApplicationId == application);
        }

        return await Project(Sorts.Apply(deliveries, query.Sort, "-createdOn")).ToPageAsync(query, cancellationToken);
    }

    public async ValueTask<WebhookDeliveryDto> Handle(GetWebhookDeliveryQuery query, CancellationToken cancellationToken)
    {
        var id = new WebhookDeliveryId(query.DeliveryId);
        // Another partner's delivery answers 404, exactly as one that does not exist.
        return await Project(Own().Where(d => d.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("webhook delivery", query.DeliveryId);
    }

    public async ValueTask<Unit> Handle(ReplayWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var own = caller.Own();
        var id = new WebhookDeliveryId(command.DeliveryId);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.PartnerId == own, cancellationToken)
            ?? throw new NotFoundException("webhook delivery", command.DeliveryId);
        if (!delivery.Replay(clock.GetUtcNow()))
        {
            throw new ConflictException(
                "webhook.delivery-sending",
                new LocalizedText(
                    "This delivery is being sent right now; replay it once the attempt is over.",
                    "Cette livraison est en cours d'envoi ; rejouez-la une fois la tentative terminée.",
                    "هذا الإرسال جار حاليا؛ أعد تشغيله بعد انتهاء المحاولة."));
        }

        return Unit.Value;
    }

    private IQueryable<WebhookDelivery> Own()
    {
        var own = caller.Own();
        return db.WebhookDeliveries.AsNoTracking().Where(d => d.PartnerId == own);
    }

    private static IQueryable<WebhookDeliveryDto> Project(IQueryable<WebhookDelivery> deliveries) =>
        deliveries.Select(d => new WebhookDeliveryDto(
            d.Id.Value,
            d.EventType,
            d.ApplicationId,
            d.Sequence,
            d.Status,
            d.Attempts,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptOn : null,
            d.DeliveredOn,
            d.CreatedOn,
            d.Payload,
            d.AttemptLog.OrderBy(a => a.Number).Select(a => new WebhookAttemptDto(a.Number, a.AttemptedOn, a.StatusCode, a.Error, a.DurationMs)).ToList()));
}
