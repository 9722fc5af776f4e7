using BuildingBlocks.Application.Security;
using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Infrastructure.Persistence;

/// <summary>The applicants schema: for now its outbox and inbox; the Applicants issue adds persons, groups, applications and geography.</summary>
internal sealed class ApplicantsDbContext(DbContextOptions<ApplicantsDbContext> options, ICurrentUser currentUser)
    : ModuleDbContext(options, currentUser)
{
    public const string SchemaName = "applicants";

    public override string Schema => SchemaName;
}
