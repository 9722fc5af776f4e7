using BuildingBlocks.Infrastructure.Persistence;
using BuildingBlocks.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Partnerships.Application.Abstractions;
using Partnerships.Domain.ApiKeys;
using Partnerships.Domain.Conventions;
using Partnerships.Domain.Partners;
using Partnerships.Domain.Projects;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Infrastructure.Persistence;

internal sealed class PartnershipsDbContext(DbContextOptions<PartnershipsDbContext> options)
    : ModuleDbContext(options), IPartnershipsDbContext
{
    public const string SchemaName = "partnerships";

    public override string Schema => SchemaName;

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<PartnerApiKey> ApiKeys => Set<PartnerApiKey>();

    public DbSet<Convention> Conventions => Set<Convention>();

    public DbSet<FollowedProject> FollowedProjects => Set<FollowedProject>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbContext Context => this;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Values kept whole in a JSON column (JsonColumn), never entities of their own.
        modelBuilder.Ignore<PartnerContact>();
        modelBuilder.Ignore<FinancialCommitment>();
        modelBuilder.Ignore<Instalment>();
        modelBuilder.Ignore<ConventionTerms>();
        modelBuilder.Ignore<StageChange>();
        modelBuilder.Ignore<JointCommitteeMember>();
        modelBuilder.Ignore<JointCommitteeMeeting>();
        modelBuilder.Ignore<ActionPlan>();
        modelBuilder.Ignore<ActionPlanActivity>();
        modelBuilder.Ignore<ActionPlanEvaluation>();
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddReminderLedger();
    }
}
