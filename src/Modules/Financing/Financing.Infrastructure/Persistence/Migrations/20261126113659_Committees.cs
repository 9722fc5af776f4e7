using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Financing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Committees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "committees",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    members = table.Column<string[]>(type: "character varying(200)[]", nullable: false),
                    agenda = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    minutes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                    table.ForeignKey(
                        name: "fk_committees_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "financing",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "committee_decisions",
                schema: "financing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    financing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_decisions_committees_committee_id",
                        column: x => x.committee_id,
                        principalSchema: "financing",
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_committee_decisions_application_id",
                schema: "financing",
                table: "committee_decisions",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_committee_decisions_committee_id_application_id",
                schema: "financing",
                table: "committee_decisions",
                columns: new[] { "committee_id", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_committees_programme_id_held_on",
                schema: "financing",
                table: "committees",
                columns: new[] { "programme_id", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "committee_decisions",
                schema: "financing");

            migrationBuilder.DropTable(
                name: "committees",
                schema: "financing");
        }
    }
}
