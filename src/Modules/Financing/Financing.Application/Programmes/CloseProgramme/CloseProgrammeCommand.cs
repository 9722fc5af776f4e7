using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.CloseProgramme;

/// <summary>Closes an open programme: no new application or approval; financings already approved run their course.</summary>
public sealed record CloseProgrammeCommand(Guid ProgrammeId) : ICommand;

internal sealed class CloseProgrammeCommandHandler(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<CloseProgrammeCommand>
{
    public async ValueTask<Unit> Handle(CloseProgrammeCommand command, CancellationToken cancellationToken)
    {
        ProgrammeAccess.EnsureCanManage(caller);
        var id = new ProgrammeId(command.ProgrammeId);
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        programme.Close(clock.GetUtcNow());
        return Unit.Value;
    }
}
