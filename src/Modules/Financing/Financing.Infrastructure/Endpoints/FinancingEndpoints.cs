using System.ComponentModel;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Financing.Application.Financings.DisburseTranche;
using Financing.Application.Financings.GetFinancing;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Financing.Infrastructure.Endpoints;

/// <summary>The payment of a tranche, as the agency's accounts record it.</summary>
public sealed record DisburseTrancheRequest(DateOnly? DisbursedOn, string? PaymentReference) : IDisbursementInput, IApiExample<DisburseTrancheRequest>
{
    public static DisburseTrancheRequest Example { get; } = new(new DateOnly(2026, 3, 20), "VIR-2026-000418");
}

internal static class FinancingEndpoints
{
    private const string FinancingIdText = "The financing's id, as published with the application's approval.";

    public static IEndpointRouteBuilder MapFinancings(this IEndpointRouteBuilder app)
    {
        var financings = app.MapGroup("/api/v1/financings").WithTags("Financings").RequireAuthorization(AuthNames.StaffPolicy);

        financings.MapGet("/{id:guid}", async ([Description(FinancingIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFinancingQuery(id), ct)))
            .WithName("GetFinancing")
            .WithSummary("Read an approved project's financing")
            .WithDescription("Its plan (every plan, the current one by planVersion), its grant's tranches and their payments. An Officer reads the financings of his provinces; any other answers 404.")
            .Produces<FinancingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        financings.MapPost("/{id:guid}/tranches/{number:int}/disburse", async (
                [Description(FinancingIdText)] Guid id,
                [Description("The tranche's number, 1 for the first.")] int number,
                DisburseTrancheRequest request,
                ISender sender,
                CancellationToken ct) =>
            {
                await sender.Send(new DisburseTrancheCommand(id, number, request.DisbursedOn, request.PaymentReference), ct);
                return TypedResults.Ok(await sender.Send(new GetFinancingQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("DisburseTranche")
            .WithSummary("Record the payment of a tranche")
            .WithDescription("Records the day, the payment reference and who recorded it, and tells the other modules. A tranche is paid once and in order (422); a conditional tranche waits for a positive follow-up visit (422).")
            .Produces<FinancingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
