using Mentoring.Domain.Mentors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mentoring.Infrastructure.Persistence.Configurations;

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> builder)
    {
        builder.ToTable("mentors");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.Property(m => m.Phone).HasMaxLength(20);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.PrimitiveCollection(m => m.Sectors).ElementType(e => e.HasConversion<string>());
        builder.PrimitiveCollection(m => m.Provinces);
        // One mentor record per Mentor account: the account's projects are that record's.
        builder.HasIndex(m => m.StaffUserId).IsUnique();
        builder.HasIndex(m => m.Name);
    }
}
