using BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerships.Domain.Conventions;
using Partnerships.Domain.Partners;

namespace Partnerships.Infrastructure.Persistence.Configurations;

internal sealed class ConventionConfiguration : IEntityTypeConfiguration<Convention>
{
    public void Configure(EntityTypeBuilder<Convention> builder)
    {
        builder.ToTable("conventions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(50);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ProvinceCode).HasMaxLength(6);
        builder.Property(c => c.ManagerEmail).HasMaxLength(256);
        builder.Property(c => c.TerminationReason).HasMaxLength(500);
        builder.Property(c => c.Commitments).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<FinancialCommitment>(), JsonColumn.Comparer<FinancialCommitment>());
        builder.Property(c => c.CommitteeMembers).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<JointCommitteeMember>(), JsonColumn.Comparer<JointCommitteeMember>());
        builder.Property(c => c.Meetings).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<JointCommitteeMeeting>(), JsonColumn.Comparer<JointCommitteeMeeting>());
        builder.Property(c => c.ActionPlans).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<ActionPlan>(), JsonColumn.Comparer<ActionPlan>());
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => c.ProvinceCode);
        builder.HasIndex(c => new { c.Status, c.ExpiresOn });
        // The status feed asks which conventions frame a programme.
        builder.HasIndex(c => c.ProgrammeIds).HasMethod("gin");
        builder.HasOne<Convention>().WithMany().HasForeignKey(c => c.RenewalOf).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Parties).WithOne().HasForeignKey("convention_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Obligations).WithOne().HasForeignKey("convention_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Obligations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Amendments).WithOne().HasForeignKey("convention_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConventionPartyConfiguration : IEntityTypeConfiguration<ConventionParty>
{
    public void Configure(EntityTypeBuilder<ConventionParty> builder)
    {
        builder.ToTable("convention_parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.PartnerId);
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.ToTable("convention_obligations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Description).HasMaxLength(500);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => new { o.Status, o.DueOn });
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.ToTable("convention_amendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.PreviousTerms).HasColumnType("jsonb").HasConversion(JsonColumn.ValueConverter<ConventionTerms>());
    }
}
