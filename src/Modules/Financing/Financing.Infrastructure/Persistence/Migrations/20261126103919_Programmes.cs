using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Financing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Programmes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programmes",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    province_codes = table.Column<string[]>(type: "character varying(6)[]", nullable: false),
                    target_categories = table.Column<string[]>(type: "text[]", nullable: false),
                    allows_individuals = table.Column<bool>(type: "boolean", nullable: false),
                    allows_groups = table.Column<bool>(type: "boolean", nullable: false),
                    minimum_age = table.Column<int>(type: "integer", nullable: true),
                    maximum_age = table.Column<int>(type: "integer", nullable: true),
                    maximum_project_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    maximum_grant = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    own_contribution_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    instruments = table.Column<string[]>(type: "text[]", nullable: false),
                    follow_up_monthly_visits_for_months = table.Column<int>(type: "integer", nullable: false),
                    follow_up_quarterly_visits_until_month = table.Column<int>(type: "integer", nullable: false),
                    coordinator_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programme_funders",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envelope = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    committed = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_funders", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_funders_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "financing",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_tranches",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    requires_positive_visit = table.Column<bool>(type: "boolean", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_tranches", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_tranches_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "financing",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_funders_partner_id",
                schema: "financing",
                table: "programme_funders",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_funders_programme_id_partner_id",
                schema: "financing",
                table: "programme_funders",
                columns: new[] { "programme_id", "partner_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programme_tranches_programme_id",
                schema: "financing",
                table: "programme_tranches",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_code",
                schema: "financing",
                table: "programmes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programmes_status_starts_on",
                schema: "financing",
                table: "programmes",
                columns: new[] { "status", "starts_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_funders",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "programme_tranches",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "programmes",
                schema: "financing");
        }
    }
}
