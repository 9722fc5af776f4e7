using Applicants.Domain.Duplicates;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.ToTable("duplicate_candidates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ProvinceCode).HasMaxLength(6);
        builder.Property(c => c.MatchProvinceCode).HasMaxLength(6);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PersonId, c.MatchId }).IsUnique();
        builder.HasIndex(c => c.MatchId);
        // The staff's work list: the open candidates of their provinces, best first.
        builder.HasIndex(c => new { c.Status, c.ProvinceCode, c.Score });
    }
}
