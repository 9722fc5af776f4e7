using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.UpdateProgramme;

/// <summary>Changes a programme's rules and funders; <paramref name="Version"/> is the one the caller read.</summary>
public sealed record UpdateProgrammeCommand(
    Guid ProgrammeId,
    uint? Version,
    string? Code,
    string? NameFr,
    string? NameAr,
    string? Description,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<string>? ProvinceCodes,
    IReadOnlyList<TargetCategory>? TargetCategories,
    bool? AllowsIndividuals,
    bool? AllowsGroups,
    int? MinimumAge,
    int? MaximumAge,
    decimal? MaximumProjectCost,
    decimal? MaximumGrant,
    decimal? OwnContributionRate,
    IReadOnlyList<FinancingInstrument>? Instruments,
    IReadOnlyList<TrancheInput>? Tranches,
    int? FollowUpMonthlyVisitsForMonths,
    int? FollowUpQuarterlyVisitsUntilMonth,
    string? CoordinatorEmail,
    IReadOnlyList<FunderInput>? Funders) : ICommand, IProgrammeInput;

internal sealed class UpdateProgrammeCommandValidator : AbstractValidator<UpdateProgrammeCommand>
{
    public UpdateProgrammeCommandValidator()
    {
        RuleFor(c => c.Version).NotNull();
        Include(new ProgrammeInputValidator());
    }
}

internal sealed class UpdateProgrammeCommandHandler(IFinancingDbContext db, ICurrentUser caller, ISender sender, IUniqueKeys uniqueKeys, TimeProvider clock)
    : ICommandHandler<UpdateProgrammeCommand>
{
    public async ValueTask<Unit> Handle(UpdateProgrammeCommand command, CancellationToken cancellationToken)
    {
        ProgrammeAccess.EnsureCanManage(caller);
        var id = new ProgrammeId(command.ProgrammeId);
        var programme = await db.Programmes.Include(p => p.Funders).Include(p => p.Tranches)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        db.Context.ExpectVersion(programme, command.Version!.Value);
        var details = command.ToDetails();
        await ProgrammeReferences.EnsureKnownAsync(sender, details, cancellationToken);
        programme.Update(details, clock.GetUtcNow());
        ProgrammeReferences.CodeMustBeFree(uniqueKeys, db, programme);
        return Unit.Value;
    }
}
