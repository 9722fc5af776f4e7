using Identity.Infrastructure.StaffAccounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Identity.Infrastructure.Persistence;

/// <summary>
/// Staff accounts and roles, in their own <c>identity</c> schema; also the data-protection keys
/// every host shares (antiforgery tokens and the dashboard cookie must be readable by all hosts).
/// </summary>
internal sealed class StaffIdentityDbContext(DbContextOptions<StaffIdentityDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.DisplayNameAr).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(2);
            user.Property(u => u.Version).IsRowVersion();
            // The accounts list filters by province: one GIN index answers "works on 03.531".
            user.HasIndex(u => u.Provinces).HasMethod("gin");
        });
    }
}
