using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerships.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Conventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conventions",
                schema: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    province_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    programme_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    duration_months = table.Column<int>(type: "integer", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    manager_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    renewal_of = table.Column<Guid>(type: "uuid", nullable: true),
                    commitments = table.Column<string>(type: "jsonb", nullable: false),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conventions", x => x.id);
                    table.ForeignKey(
                        name: "fk_conventions_conventions_renewal_of",
                        column: x => x.renewal_of,
                        principalSchema: "partnerships",
                        principalTable: "conventions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "convention_amendments",
                schema: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    previous_terms = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    convention_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convention_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_convention_amendments_conventions_convention_id",
                        column: x => x.convention_id,
                        principalSchema: "partnerships",
                        principalTable: "conventions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_obligations",
                schema: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    settled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    convention_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convention_obligations", x => x.id);
                    table.ForeignKey(
                        name: "fk_convention_obligations_conventions_convention_id",
                        column: x => x.convention_id,
                        principalSchema: "partnerships",
                        principalTable: "conventions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_parties",
                schema: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    convention_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_convention_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_convention_parties_conventions_convention_id",
                        column: x => x.convention_id,
                        principalSchema: "partnerships",
                        principalTable: "conventions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_convention_parties_partners_partner_id",
                        column: x => x.partner_id,
                        principalSchema: "partnerships",
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_convention_amendments_convention_id",
                schema: "partnerships",
                table: "convention_amendments",
                column: "convention_id");

            migrationBuilder.CreateIndex(
                name: "ix_convention_obligations_convention_id",
                schema: "partnerships",
                table: "convention_obligations",
                column: "convention_id");

            migrationBuilder.CreateIndex(
                name: "ix_convention_obligations_status_due_on",
                schema: "partnerships",
                table: "convention_obligations",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_convention_parties_convention_id",
                schema: "partnerships",
                table: "convention_parties",
                column: "convention_id");

            migrationBuilder.CreateIndex(
                name: "ix_convention_parties_partner_id",
                schema: "partnerships",
                table: "convention_parties",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_conventions_programme_ids",
                schema: "partnerships",
                table: "conventions",
                column: "programme_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_conventions_province_code",
                schema: "partnerships",
                table: "conventions",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_conventions_reference",
                schema: "partnerships",
                table: "conventions",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conventions_renewal_of",
                schema: "partnerships",
                table: "conventions",
                column: "renewal_of");

            migrationBuilder.CreateIndex(
                name: "ix_conventions_status_expires_on",
                schema: "partnerships",
                table: "conventions",
                columns: new[] { "status", "expires_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "convention_amendments",
                schema: "partnerships");

            migrationBuilder.DropTable(
                name: "convention_obligations",
                schema: "partnerships");

            migrationBuilder.DropTable(
                name: "convention_parties",
                schema: "partnerships");

            migrationBuilder.DropTable(
                name: "conventions",
                schema: "partnerships");
        }
    }
}
