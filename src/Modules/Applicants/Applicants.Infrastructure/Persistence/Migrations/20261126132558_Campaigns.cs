using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "campaign_id",
                schema: "applicants",
                table: "applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaigns",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organiser_partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organiser_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_stops",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_stops", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_stops_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalSchema: "applicants",
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_stops_communes_commune_code",
                        column: x => x.commune_code,
                        principalSchema: "applicants",
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_campaign_id_campaign_stop_id",
                schema: "applicants",
                table: "applications",
                columns: new[] { "campaign_id", "campaign_stop_id" });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_stops_campaign_id",
                schema: "applicants",
                table: "campaign_stops",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_stops_commune_code",
                schema: "applicants",
                table: "campaign_stops",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_stops_province_code",
                schema: "applicants",
                table: "campaign_stops",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_starts_on",
                schema: "applicants",
                table: "campaigns",
                column: "starts_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_stops",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "campaigns",
                schema: "applicants");

            migrationBuilder.DropIndex(
                name: "ix_applications_campaign_id_campaign_stop_id",
                schema: "applicants",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "campaign_id",
                schema: "applicants",
                table: "applications");
        }
    }
}
