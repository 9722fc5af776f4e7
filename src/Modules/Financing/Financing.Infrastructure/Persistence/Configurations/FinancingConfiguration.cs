using Financing.Domain.Financings;
using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Financing.Infrastructure.Persistence.Configurations;

internal sealed class FinancingConfiguration : IEntityTypeConfiguration<ProjectFinancing>
{
    public void Configure(EntityTypeBuilder<ProjectFinancing> builder)
    {
        builder.ToTable("financings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.HolderKind).HasMaxLength(10);
        builder.Property(f => f.Sector).HasMaxLength(30);
        builder.Property(f => f.CommuneCode).HasMaxLength(12);
        builder.Property(f => f.ProvinceCode).HasMaxLength(6);
        builder.Ignore(f => f.CurrentPlan);
        // One financing per application: a second approval of the same application is refused (409).
        builder.HasIndex(f => f.ApplicationId).IsUnique();
        builder.HasIndex(f => f.HolderId);
        builder.HasIndex(f => f.ProgrammeId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(f => f.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Lines).WithOne().HasForeignKey("financing_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Lines).HasField("_lines");
        builder.HasMany(f => f.Tranches).WithOne().HasForeignKey("financing_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Tranches).HasField("_tranches");
    }
}

internal sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> builder)
    {
        builder.ToTable("plan_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.AnnualRate).HasPrecision(5, 4);
        builder.HasIndex("financing_id");
    }
}

internal sealed class FinancingTrancheConfiguration : IEntityTypeConfiguration<FinancingTranche>
{
    public void Configure(EntityTypeBuilder<FinancingTranche> builder)
    {
        builder.ToTable("financing_tranches");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.PaymentReference).HasMaxLength(60);
        builder.Ignore(t => t.IsDisbursed);
        builder.Ignore(t => t.IsWaitingForVisit);
        builder.HasIndex("financing_id", nameof(FinancingTranche.Number)).IsUnique();
    }
}
