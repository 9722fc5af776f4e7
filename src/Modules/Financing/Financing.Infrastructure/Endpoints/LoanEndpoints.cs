using System.ComponentModel;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Contracts;
using BuildingBlocks.Infrastructure.Http;
using BuildingBlocks.Infrastructure.Idempotency;
using BuildingBlocks.Infrastructure.Security;
using Financing.Application.Loans;
using Financing.Domain.Loans;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Financing.Infrastructure.Endpoints;

/// <summary>A repayment received from the holder.</summary>
public sealed record RepaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Reference) : IRepaymentInput, IApiExample<RepaymentRequest>
{
    public static RepaymentRequest Example { get; } = new(750.00m, new DateOnly(2026, 5, 30), "REC-2026-0153");
}

internal static class LoanEndpoints
{
    private const string LoanIdText = "The loan's id.";

    public static IEndpointRouteBuilder MapLoans(this IEndpointRouteBuilder app)
    {
        var loans = app.MapGroup("/api/v1/loans").WithTags("Loans").RequireAuthorization(AuthNames.StaffPolicy);

        loans.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                Guid? programmeId,
                LoanStatus? status,
                string? bucket,
                int page = PageDefaults.Page,
                int pageSize = PageDefaults.PageSize,
                string? sort = null) =>
                TypedResults.Ok(await sender.Send(new GetLoansQuery(programmeId, status, bucket, page, pageSize, sort), ct)))
            .WithName("ListLoans")
            .WithSummary("List loans, paged, sorted and filtered")
            .WithDescription("Optionally those of one programme, in one status or in one arrears bucket (current, 1-30, 31-60, 61-90, 90+). An Officer sees the loans of his provinces. Sort by createdOn, daysPastDue or outstandingPrincipal (prefix with - for descending).")
            .WithParametersFrom<GetLoansQuery>()
            .Produces<PagedResult<LoanDto>>()
            .ProducesValidationProblem();

        loans.MapGet("/{id:guid}", async ([Description(LoanIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLoanQuery(id), ct)))
            .WithName("GetLoan")
            .WithSummary("Read a loan")
            .WithDescription("Its terms, what has been repaid, the repayments, and how late it is as last aged. An Officer reads the loans of his provinces; any other answers 404.")
            .Produces<LoanDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        loans.MapGet("/{id:guid}/schedule", async ([Description(LoanIdText)] Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLoanScheduleQuery(id), ct)))
            .WithName("GetLoanSchedule")
            .WithSummary("A loan's repayment schedule")
            .WithDescription("Equal monthly instalments after the grace months (principal parts adding up to the principal exactly, 0 % honour loans included), and what has been paid of each.")
            .Produces<LoanScheduleDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        loans.MapPost("/{id:guid}/repayments", async ([Description(LoanIdText)] Guid id, RepaymentRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RecordRepaymentCommand(id, request.Amount, request.PaidOn, request.Reference), ct);
                return TypedResults.Ok(await sender.Send(new GetLoanQuery(id), ct));
            })
            .WithIdempotencyKey()
            .WithName("RecordRepayment")
            .WithSummary("Record a repayment, partial or late")
            .WithDescription("Pays the oldest instalment not yet paid first, interest before principal. More than what is still owed (loan.repayment-over-outstanding) and a loan repaid or cancelled (loan.closed) answer 422.")
            .Produces<LoanDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
