using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Financings.DisburseTranche;

/// <summary>What the agency's accounts say of a tranche's payment.</summary>
public interface IDisbursementInput
{
    /// <summary>The day the money was paid (not in the future).</summary>
    DateOnly? DisbursedOn { get; }

    /// <summary>The transfer or cheque reference: letters, digits and / . _ - (e.g. VIR-2026-000418).</summary>
    string? PaymentReference { get; }
}

/// <summary>Records the payment of a financing's tranche <paramref name="Number"/> (1 for the first).</summary>
public sealed record DisburseTrancheCommand(Guid FinancingId, int Number, DateOnly? DisbursedOn, string? PaymentReference) : ICommand, IDisbursementInput;

/// <summary>The shape of a payment; included by the command's validator, and its rules documented on the request.</summary>
internal sealed class DisbursementInputValidator : AbstractValidator<IDisbursementInput>
{
    public DisbursementInputValidator()
    {
        RuleFor(c => c.DisbursedOn).NotNull().GreaterThanOrEqualTo(new DateOnly(2000, 1, 1));
        RuleFor(c => c.PaymentReference).NotEmpty().MaximumLength(60).Matches(@"^[A-Za-z0-9][A-Za-z0-9/._-]*$");
    }
}

internal sealed class DisburseTrancheCommandValidator : AbstractValidator<DisburseTrancheCommand>
{
    public DisburseTrancheCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Number).InclusiveBetween(1, 6);
        Include(new DisbursementInputValidator());
        // Money is recorded as paid once it is: never on a day still to come (in Moroccan time).
        RuleFor(c => c.DisbursedOn).LessThanOrEqualTo(_ => DateOnly.FromDateTime(MoroccanTime.ToLocal(clock.GetUtcNow()).DateTime));
    }
}

internal sealed class DisburseTrancheCommandHandler(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DisburseTrancheCommand>
{
    public async ValueTask<Unit> Handle(DisburseTrancheCommand command, CancellationToken cancellationToken)
    {
        var id = new Domain.Financings.FinancingId(command.FinancingId);
        var financing = await db.Financings.Include(f => f.Lines).Include(f => f.Tranches)
            .FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (financing is null || !ProvinceAccess.For(caller).CanRead(financing.ProvinceCode))
        {
            throw new NotFoundException("financing", command.FinancingId);
        }

        if (!ProvinceAccess.For(caller).CanWrite(financing.ProvinceCode))
        {
            throw new ForbiddenException("The financing is in a province the caller does not work on.");
        }

        if (!financing.HasTranche(command.Number))
        {
            throw new NotFoundException("tranche", command.Number);
        }

        var programme = await db.Programmes.Include(p => p.Funders).FirstAsync(p => p.Id == financing.ProgrammeId, cancellationToken);
        var paid = financing.Disburse(command.Number, command.DisbursedOn!.Value, command.PaymentReference!.Trim(), caller.UserId, clock.GetUtcNow());
        foreach (var (partnerId, amount) in paid)
        {
            programme.RecordDisbursement(partnerId, amount);
        }

        return Unit.Value;
    }
}
