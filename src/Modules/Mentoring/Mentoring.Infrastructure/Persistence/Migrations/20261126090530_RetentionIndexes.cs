using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mentoring.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RetentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed",
                schema: "mentoring",
                table: "outbox_messages",
                column: "processed_on",
                filter: "processed_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed",
                schema: "mentoring",
                table: "inbox_messages",
                column: "processed_on",
                filter: "processed_on IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_processed",
                schema: "mentoring",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_processed",
                schema: "mentoring",
                table: "inbox_messages");
        }
    }
}
