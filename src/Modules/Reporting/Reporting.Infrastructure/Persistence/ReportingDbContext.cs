using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Reporting.Application.Abstractions;
using Reporting.Domain.Partners;

namespace Reporting.Infrastructure.Persistence;

internal sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options)
    : ModuleDbContext(options), IReportingDbContext
{
    public const string SchemaName = "reporting";

    public override string Schema => SchemaName;

    public DbSet<PartnerFact> PartnerFacts => Set<PartnerFact>();

    public async Task<bool> RecordIfNewAsync(PartnerFact fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return await Database.ExecuteSqlAsync(
            $"""
             INSERT INTO reporting.partner_facts (partner_id, partner_type, province_code, registered_on, last_event_on)
             VALUES ({fact.PartnerId}, {fact.PartnerType}, {fact.ProvinceCode}, {fact.RegisteredOn}, {fact.LastEventOn})
             ON CONFLICT (partner_id) DO NOTHING
             """,
            cancellationToken) == 1;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PartnerFact>(fact =>
        {
            fact.ToTable("partner_facts");
            fact.HasKey(f => f.PartnerId);
            fact.Property(f => f.PartnerId).ValueGeneratedNever();
            fact.Property(f => f.PartnerType).HasMaxLength(40);
            fact.Property(f => f.ProvinceCode).HasMaxLength(6);
            fact.HasIndex(f => new { f.ProvinceCode, f.PartnerType });
        });
    }
}
