using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_imports",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    imported_by = table.Column<Guid>(type: "uuid", nullable: false),
                    importer_roles = table.Column<string[]>(type: "text[]", nullable: false),
                    importer_provinces = table.Column<string[]>(type: "text[]", nullable: false),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    lines = table.Column<int>(type: "integer", nullable: true),
                    received_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "imported_lines",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    errors = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_lines_person_imports_import_id",
                        column: x => x.import_id,
                        principalSchema: "applicants",
                        principalTable: "person_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_import_files",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_import_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_import_files_person_imports_id",
                        column: x => x.id,
                        principalSchema: "applicants",
                        principalTable: "person_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_lines_import_id_line",
                schema: "applicants",
                table: "imported_lines",
                columns: new[] { "import_id", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_imported_lines_import_id_outcome",
                schema: "applicants",
                table: "imported_lines",
                columns: new[] { "import_id", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_person_imports_imported_by_sha256",
                schema: "applicants",
                table: "person_imports",
                columns: new[] { "imported_by", "sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_lines",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "person_import_files",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "person_imports",
                schema: "applicants");
        }
    }
}
