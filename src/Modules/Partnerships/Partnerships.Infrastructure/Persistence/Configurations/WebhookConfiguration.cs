using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.PartnerId);
        builder.Property(e => e.PartnerId).ValueGeneratedNever();
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.Secret).HasMaxLength(200);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(60);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        // Text, not jsonb: the body is signed, so its bytes must come back exactly as written.
        builder.Property(d => d.Payload).HasColumnType("text");
        builder.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.AttemptLog).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One delivery per partner and stage change; the sender walks a project's deliveries in sequence.
        builder.HasIndex(d => new { d.PartnerId, d.ApplicationId, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.NextAttemptOn).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_pending");
        builder.HasIndex(d => new { d.PartnerId, d.CreatedOn });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}
