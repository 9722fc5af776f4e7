using Financing.Domain.Financings;
using Financing.Domain.Loans;
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

internal sealed class LoanConfiguration : IEntityTypeConfiguration<Loan>
{
    public void Configure(EntityTypeBuilder<Loan> builder)
    {
        builder.ToTable("loans");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ProvinceCode).HasMaxLength(6);
        builder.Property(l => l.AnnualRate).HasPrecision(5, 4);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.ArrearsBucket).HasMaxLength(7);
        builder.Ignore(l => l.Outstanding);
        builder.HasIndex(l => l.FinancingId);
        // The portfolio reads a programme's active loans by bucket; the list filters by the same.
        builder.HasIndex(l => new { l.ProgrammeId, l.Status, l.ArrearsBucket });
        builder.HasIndex(l => l.CreatedOn);
        builder.HasOne<ProjectFinancing>().WithMany().HasForeignKey(l => l.FinancingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Instalments).WithOne().HasForeignKey("loan_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Instalments).HasField("_instalments");
        builder.HasMany(l => l.Repayments).WithOne().HasForeignKey("loan_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Repayments).HasField("_repayments");
    }
}

internal sealed class LoanInstalmentConfiguration : IEntityTypeConfiguration<LoanInstalment>
{
    public void Configure(EntityTypeBuilder<LoanInstalment> builder)
    {
        builder.ToTable("loan_instalments");
        builder.HasKey(i => i.Id);
        builder.Ignore(i => i.Remaining);
        builder.Ignore(i => i.IsPaid);
        builder.HasIndex("loan_id", nameof(LoanInstalment.Number)).IsUnique();
        // The arrears job looks only at instalments not yet paid off.
        builder.HasIndex("loan_id", nameof(LoanInstalment.DueOn)).HasFilter("paid < amount");
    }
}

internal sealed class LoanRepaymentConfiguration : IEntityTypeConfiguration<LoanRepayment>
{
    public void Configure(EntityTypeBuilder<LoanRepayment> builder)
    {
        builder.ToTable("loan_repayments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(60);
        builder.HasIndex("loan_id");
    }
}
