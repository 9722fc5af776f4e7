using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerships.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnerStatusFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "followed_projects",
                schema: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    last_sequence = table.Column<int>(type: "integer", nullable: false),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    partner_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followed_projects", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_followed_projects_partner_ids",
                schema: "partnerships",
                table: "followed_projects",
                column: "partner_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_followed_projects_recorded_at_id",
                schema: "partnerships",
                table: "followed_projects",
                columns: new[] { "recorded_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "followed_projects",
                schema: "partnerships");
        }
    }
}
