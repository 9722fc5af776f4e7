using Applicants.Application.Abstractions;
using Applicants.Domain.Duplicates;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Duplicates;

/// <summary>Confirms a likely duplicate: the later registration is retired into the earlier one, which stays.</summary>
public sealed record MergeDuplicateCommand(Guid Id) : ICommand;

/// <summary>Settles a likely duplicate as two different persons: both registrations stay.</summary>
public sealed record DismissDuplicateCommand(Guid Id) : ICommand;

internal sealed class MergeDuplicateCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<MergeDuplicateCommand>
{
    public async ValueTask<Unit> Handle(MergeDuplicateCommand command, CancellationToken cancellationToken)
    {
        var candidate = await OpenDuplicates.FindAsync(db, caller, command.Id, cancellationToken);
        var later = await db.Persons.FirstAsync(p => p.Id == candidate.PersonId, cancellationToken);
        var earlier = await db.Persons.FirstAsync(p => p.Id == candidate.MatchId, cancellationToken);
        candidate.Merge(later, earlier, caller.UserId, clock.GetUtcNow());
        return Unit.Value;
    }
}

internal sealed class DismissDuplicateCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DismissDuplicateCommand>
{
    public async ValueTask<Unit> Handle(DismissDuplicateCommand command, CancellationToken cancellationToken)
    {
        var candidate = await OpenDuplicates.FindAsync(db, caller, command.Id, cancellationToken);
        candidate.Dismiss(caller.UserId, clock.GetUtcNow());
        return Unit.Value;
    }
}

internal static class OpenDuplicates
{
    /// <summary>The candidate, tracked, or 404 when it does not exist or the caller may not read both of its persons.</summary>
    public static async Task<DuplicateCandidate> FindAsync(IApplicantsDbContext db, ICurrentUser caller, Guid id, CancellationToken cancellationToken)
    {
        var candidateId = new DuplicateCandidateId(id);
        var candidate = await db.DuplicateCandidates.FirstOrDefaultAsync(c => c.Id == candidateId, cancellationToken);
        if (candidate is null || !ProvinceAccess.For(caller).CanRead(candidate.MatchProvinceCode))
        {
            throw new NotFoundException("duplicate", id);
        }

        return candidate;
    }
}
