using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Infrastructure.Persistence;

internal static class MessagingModelConfiguration
{
    public static void AddOutboxAndInbox(this ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.Property(m => m.Content).HasColumnType("jsonb");
            // The dispatcher reads the pending rows in order; a partial index keeps that cheap
            // however many processed rows accumulate.
            outbox.HasIndex(m => new { m.OccurredOn, m.Id }).HasFilter("processed_on IS NULL").HasDatabaseName("ix_outbox_messages_pending");
            // The retention job deletes the oldest processed rows in batches: without this index
            // each batch would scan years of outbox.
            outbox.HasIndex(m => m.ProcessedOn).HasFilter("processed_on IS NOT NULL").HasDatabaseName("ix_outbox_messages_processed");
        });

        builder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Handler });
            inbox.Property(m => m.Handler).HasMaxLength(300);
            inbox.Property(m => m.Type).HasMaxLength(300);
            inbox.Property(m => m.Content).HasColumnType("jsonb");
            inbox.Property(m => m.LastError).HasMaxLength(4000);
            inbox.HasIndex(m => new { m.ReceivedOn, m.MessageId })
                .HasFilter("processed_on IS NULL AND parked_on IS NULL")
                .HasDatabaseName("ix_inbox_messages_pending");
            inbox.HasIndex(m => m.ProcessedOn).HasFilter("processed_on IS NOT NULL").HasDatabaseName("ix_inbox_messages_processed");
        });
    }
}
