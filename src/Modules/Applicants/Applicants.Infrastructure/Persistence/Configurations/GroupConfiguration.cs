using Applicants.Domain.Geography;
using Applicants.Domain.Groups;
using Applicants.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Applicants.Infrastructure.Persistence.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.NameAr).HasMaxLength(200);
        builder.Property(g => g.NameKey).HasMaxLength(410);
        // Name search is LIKE '%…%' on the folded names, as for persons: a trigram index serves it.
        builder.HasIndex(g => g.NameKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Property(g => g.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.RegistrationNumber).HasMaxLength(40);
        builder.Property(g => g.CommuneCode).HasMaxLength(12);
        builder.Property(g => g.ProvinceCode).HasMaxLength(6);
        builder.HasIndex(g => new { g.LegalForm, g.RegistrationNumber }).IsUnique();
        builder.HasIndex(g => new { g.ProvinceCode, g.RegisteredOn });
        builder.HasOne<Commune>().WithMany().HasForeignKey(g => g.CommuneCode).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(g => g.Members).WithOne().HasForeignKey("group_id").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).AutoInclude();
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex("group_id", nameof(GroupMember.PersonId)).IsUnique();
        // Which groups a person belongs to (GET /api/v1/groups?memberId=).
        builder.HasIndex(m => m.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
