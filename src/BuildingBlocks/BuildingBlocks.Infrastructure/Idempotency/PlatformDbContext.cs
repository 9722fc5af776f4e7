using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Infrastructure.Idempotency;

/// <summary>
/// The <c>platform</c> schema: what belongs to the API as a whole rather than to a module — today
/// the record of requests made with an <c>Idempotency-Key</c>.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_records");
            record.HasKey(r => new { r.Caller, r.Key });
            record.Property(r => r.Caller).HasMaxLength(80);
            record.Property(r => r.Key).HasMaxLength(255);
            record.Property(r => r.Fingerprint).HasMaxLength(64).IsFixedLength();
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.Property(r => r.Location).HasMaxLength(2000);
            record.HasIndex(r => r.CreatedOn);
        });
    }
}
