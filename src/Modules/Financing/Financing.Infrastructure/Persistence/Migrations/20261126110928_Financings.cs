using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Financing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Financings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "financings",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    holder_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sector = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    total_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    grant_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    loan_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    own_contribution = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    approved_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financings", x => x.id);
                    table.ForeignKey(
                        name: "fk_financings_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "financing",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "financing_tranches",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    requires_positive_visit = table.Column<bool>(type: "boolean", nullable: false),
                    released_by_visit_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disbursed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    payment_reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    disbursed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    financing_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_tranches", x => x.id);
                    table.ForeignKey(
                        name: "fk_financing_tranches_financings_financing_id",
                        column: x => x.financing_id,
                        principalSchema: "financing",
                        principalTable: "financings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_lines",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    annual_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    term_months = table.Column<int>(type: "integer", nullable: true),
                    grace_months = table.Column<int>(type: "integer", nullable: true),
                    financing_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_lines_financings_financing_id",
                        column: x => x.financing_id,
                        principalSchema: "financing",
                        principalTable: "financings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_financing_tranches_financing_id_number",
                schema: "financing",
                table: "financing_tranches",
                columns: new[] { "financing_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_financings_application_id",
                schema: "financing",
                table: "financings",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_financings_holder_id",
                schema: "financing",
                table: "financings",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_financings_programme_id",
                schema: "financing",
                table: "financings",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_lines_financing_id",
                schema: "financing",
                table: "plan_lines",
                column: "financing_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "financing_tranches",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "plan_lines",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "financings",
                schema: "financing");
        }
    }
}
