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
