using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using FluentValidation;
using Mediator;

namespace Financing.Application.Programmes.DefineProgramme;

/// <summary>Defines a programme, in draft; answers its id.</summary>
public sealed record DefineProgrammeCommand(
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
    IReadOnlyList<FunderInput>? Funders) : ICommand<Guid>, IProgrammeInput;

internal sealed class DefineProgrammeCommandValidator : AbstractValidator<DefineProgrammeCommand>
{
    public DefineProgrammeCommandValidator() => Include(new ProgrammeInputValidator());
}

internal sealed class DefineProgrammeCommandHandler(IFinancingDbContext db, ICurrentUser caller, ISender sender, IUniqueKeys uniqueKeys, TimeProvider clock)
    : ICommandHandler<DefineProgrammeCommand, Guid>
{
    public async ValueTask<Guid> Handle(DefineProgrammeCommand command, CancellationToken cancellationToken)
    {
        ProgrammeAccess.EnsureCanManage(caller);
        var details = command.ToDetails();
        await ProgrammeReferences.EnsureKnownAsync(sender, details, cancellationToken);
        var programme = Programme.Define(details, clock.GetUtcNow());
        db.Programmes.Add(programme);
        ProgrammeReferences.CodeMustBeFree(uniqueKeys, db, programme);
        return programme.Id.Value;
    }
}
