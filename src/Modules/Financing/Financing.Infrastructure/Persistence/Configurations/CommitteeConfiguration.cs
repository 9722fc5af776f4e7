using Financing.Domain.Committees;
using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Financing.Infrastructure.Persistence.Configurations;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<CommitteeSession>
{
    public void Configure(EntityTypeBuilder<CommitteeSession> builder)
    {
        builder.ToTable("committees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Minutes).HasMaxLength(10_000);
        builder.PrimitiveCollection(c => c.Members).ElementType(e => e.HasMaxLength(200));
        builder.PrimitiveCollection(c => c.Agenda);
        builder.HasIndex(c => new { c.ProgrammeId, c.HeldOn });
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey("committee_id").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Decisions).HasField("_decisions");
    }
}

internal sealed class CommitteeDecisionConfiguration : IEntityTypeConfiguration<CommitteeDecision>
{
    public void Configure(EntityTypeBuilder<CommitteeDecision> builder)
    {
        builder.ToTable("committee_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.HasIndex("committee_id", nameof(CommitteeDecision.ApplicationId)).IsUnique();
        builder.HasIndex(d => d.ApplicationId);
    }
}
