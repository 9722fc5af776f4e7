using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Programmes.OpenProgramme;

/// <summary>Opens a draft programme to applications and approvals.</summary>
public sealed record OpenProgrammeCommand(Guid ProgrammeId) : ICommand;

internal sealed class OpenProgrammeCommandHandler(IFinancingDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<OpenProgrammeCommand>
{
    public async ValueTask<Unit> Handle(OpenProgrammeCommand command, CancellationToken cancellationToken)
    {
        ProgrammeAccess.EnsureCanManage(caller);
        var id = new ProgrammeId(command.ProgrammeId);
        var programme = await db.Programmes.Include(p => p.Funders)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("programme", command.ProgrammeId);
        programme.Open(clock.GetUtcNow());
        return Unit.Value;
    }
}
