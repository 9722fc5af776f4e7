using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    estimated_total_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    requested_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    own_contribution = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    expected_jobs = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    campaign_stop_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referring_partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    already_financed = table.Column<bool>(type: "boolean", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_communes_commune_code",
                        column: x => x.commune_code,
                        principalSchema: "applicants",
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_stage_changes",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from_stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    application_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_stage_changes_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "applicants",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_application_stage_changes_application_id_sequence",
                schema: "applicants",
                table: "application_stage_changes",
                columns: new[] { "application_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_commune_code",
                schema: "applicants",
                table: "applications",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_applications_holder_id",
                schema: "applicants",
                table: "applications",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_programme_id_stage",
                schema: "applicants",
                table: "applications",
                columns: new[] { "programme_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_province_code_submitted_on",
                schema: "applicants",
                table: "applications",
                columns: new[] { "province_code", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_referring_partner_id",
                schema: "applicants",
                table: "applications",
                column: "referring_partner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_stage_changes",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "applicants");
        }
    }
}
