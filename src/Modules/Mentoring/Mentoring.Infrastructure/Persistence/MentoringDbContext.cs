using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Infrastructure.Persistence;

/// <summary>The mentoring schema: for now its outbox and inbox; the Mentoring issue adds its aggregates.</summary>
internal sealed class MentoringDbContext(DbContextOptions<MentoringDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "mentoring";

    public override string Schema => SchemaName;
}
