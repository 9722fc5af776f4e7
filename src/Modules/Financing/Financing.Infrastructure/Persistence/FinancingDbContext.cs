using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Financing.Infrastructure.Persistence;

/// <summary>The financing schema: for now its outbox and inbox; the Financing issue adds its aggregates.</summary>
internal sealed class FinancingDbContext(DbContextOptions<FinancingDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "financing";

    public override string Schema => SchemaName;
}
