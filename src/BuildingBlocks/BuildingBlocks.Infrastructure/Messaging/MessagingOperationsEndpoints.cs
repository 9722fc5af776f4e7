using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BuildingBlocks.Infrastructure.Messaging;

/// <summary>Body of the retry operation: the handler the message is parked for.</summary>
/// <param name="Handler">The handler's name exactly as the parked message lists it.</param>
public sealed record RetryParkedMessageRequest(string? Handler) : IApiExample<RetryParkedMessageRequest>
{
    public static RetryParkedMessageRequest Example { get; } = new(ParkedMessageDto.Example.Handler);
}

/// <summary>Body of the replay operation: the module and the handler whose events are sent again.</summary>
/// <param name="Module">The subscribing module, as the list of subscriptions names it (e.g. Reporting).</param>
/// <param name="Handler">The handler's name as the list of subscriptions gives it.</param>
public sealed record ReplayRequest(string? Module, string? Handler) : IApiExample<ReplayRequest>
{
    public static ReplayRequest Example { get; } = new(SubscriptionDto.Example.Module, SubscriptionDto.Example.Handler);
}

/// <summary>How many events were queued again.</summary>
/// <param name="Queued">The number of events queued for the handler; it works through them within moments.</param>
public sealed record ReplayResult(long Queued) : IApiExample<ReplayResult>
{
    public static ReplayResult Example { get; } = new(214);
}

public static class MessagingOperationsEndpoints
{
    public static IEndpointRouteBuilder MapMessagingOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/parked-messages").WithTags("Operations").RequireAuthorization(AuthNames.AdminPolicy);

        group.MapGet("/", async (ParkedMessages parked, CancellationToken ct, int page = PageDefaults.Page, int pageSize = PageDefaults.PageSize) =>
            {
                var paging = new PagingRequest(page, pageSize);
                await new PagingRequestValidator().ValidateAndThrowAsync(paging, ct);
                return TypedResults.Ok(await parked.ListAsync(page, pageSize, ct));
            })
            .WithName("ListParkedMessages")
            .WithSummary("List the integration events that failed too often and wait for an operator")
            .WithDescription("Across every module's inbox, newest first, with the attempts and the last error.")
            .WithParametersFrom<PagingRequest>()
            .Produces<PagedResult<ParkedMessageDto>>()
            .ProducesValidationProblem();

        group.MapPost("/{module:maxlength(100)}/{messageId:guid}/retry", async (
                [Description("The module whose inbox holds the message, as the parked message lists it (e.g. Reporting).")] string module,
                [Description("The parked message's id.")] Guid messageId,
                RetryParkedMessageRequest request, ParkedMessages parked, CancellationToken ct) =>
            {
                await new RetryParkedMessageRequestValidator().ValidateAndThrowAsync(request, ct);
                return await parked.RetryAsync(module, messageId, request.Handler!, ct)
                    ? Results.NoContent()
                    : Problems.NotFound();
            })
            .WithName("RetryParkedMessage")
            .WithSummary("Send a parked event back to its handler, with a fresh count of attempts")
            .WithDescription("Mend the cause first (the last error says what it was).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var subscriptions = app.MapGroup("/api/v1/admin/subscriptions").WithTags("Operations").RequireAuthorization(AuthNames.AdminPolicy);

        subscriptions.MapGet("/", (SubscriptionReplay replay) => TypedResults.Ok(replay.List()))
            .WithName("ListSubscriptions")
            .WithSummary("List which module's handler listens to which integration event")
            .WithDescription("Every subscription the running host knows: the module and handler to name in a replay, and the event it handles.")
            .Produces<IReadOnlyList<SubscriptionDto>>();

        subscriptions.MapPost("/replay", async (ReplayRequest request, SubscriptionReplay replay, CancellationToken ct) =>
            {
                await new ReplayRequestValidator().ValidateAndThrowAsync(request, ct);
                return await replay.ReplayAsync(request.Module!, request.Handler!, ct) is { } queued
                    ? Results.Accepted(value: new ReplayResult(queued))
                    : Problems.NotFound();
            })
            .WithName("ReplaySubscription")
            .WithSummary("Send every event a handler listens to through it again, to rebuild or repair a read model")
            .WithDescription("The events come from the publishers' outboxes; the handler sees each again once. Handlers are idempotent, so a replay converges on the same state.")
            .Produces<ReplayResult>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private sealed class ReplayRequestValidator : AbstractValidator<ReplayRequest>
    {
        public ReplayRequestValidator()
        {
            RuleFor(r => r.Module).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Handler).NotEmpty().MaximumLength(300);
        }
    }

    private sealed record PagingRequest(int Page, int PageSize) : IPagedQuery
    {
        public string? Sort => null;
    }

    private sealed class PagingRequestValidator : AbstractValidator<PagingRequest>
    {
        public PagingRequestValidator() => this.RulesForPaging(new SortMap<ParkedMessageDto>());
    }

    private sealed class RetryParkedMessageRequestValidator : AbstractValidator<RetryParkedMessageRequest>
    {
        public RetryParkedMessageRequestValidator() => RuleFor(r => r.Handler).NotEmpty().MaximumLength(300);
    }
}
