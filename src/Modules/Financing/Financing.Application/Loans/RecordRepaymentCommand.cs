using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Loans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Loans;

/// <summary>A repayment as the officer receives it.</summary>
public interface IRepaymentInput
{
    /// <summary>The amount received, in MAD with two decimals; no more than what is still owed.</summary>
    decimal? Amount { get; }

    /// <summary>The day the money was received (late payments are recorded on their real day); not in the future.</summary>
    DateOnly? PaidOn { get; }

    /// <summary>The receipt's or transfer's reference: letters, digits and / . _ - (e.g. REC-2026-0153); optional.</summary>
    string? Reference { get; }
}

/// <summary>Records a repayment of a loan; it pays the oldest instalment due first.</summary>
public sealed record RecordRepaymentCommand(Guid LoanId, decimal? Amount, DateOnly? PaidOn, string? Reference) : ICommand, IRepaymentInput;

/// <summary>The shape of a repayment; included by the command's validator, and its rules documented on the request.</summary>
internal sealed class RepaymentInputValidator : AbstractValidator<IRepaymentInput>
{
    public RepaymentInputValidator()
    {
        RuleFor(r => r.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(Money.MaxAmount).PrecisionScale(14, 2, true);
        RuleFor(r => r.PaidOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
        RuleFor(r => r.Reference).MaximumLength(60).Matches(@"^[A-Za-z0-9][A-Za-z0-9/._-]*$");
    }
}

internal sealed class RecordRepaymentCommandValidator : AbstractValidator<RecordRepaymentCommand>
{
    public RecordRepaymentCommandValidator(TimeProvider clock)
    {
        Include(new RepaymentInputValidator());
        // A repayment is recorded once received: never on a day still to come (in Moroccan time).
        RuleFor(c => c.PaidOn).LessThanOrEqualTo(_ => DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime));
    }
}

internal sealed class RecordRepaymentCommandHandler(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RecordRepaymentCommand>
{
    public async ValueTask<Unit> Handle(RecordRepaymentCommand command, CancellationToken cancellationToken)
    {
        var id = new LoanId(command.LoanId);
        var loan = await db.Loans.Include(l => l.Instalments).Include(l => l.Repayments)
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new NotFoundException("loan", command.LoanId);
        loan.Repay(Money.Mad(command.Amount!.Value), command.PaidOn!.Value, string.IsNullOrWhiteSpace(command.Reference) ? null : command.Reference.Trim(), caller.UserId, clock.GetUtcNow());
        return Unit.Value;
    }
}
