using Applicants.Infrastructure.Persistence.Geography;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Geography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regions",
                schema: "applicants",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "provinces",
                schema: "applicants",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.code);
                    table.ForeignKey(
                        name: "fk_provinces_regions_region_code",
                        column: x => x.region_code,
                        principalSchema: "applicants",
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "communes",
                schema: "applicants",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communes", x => x.code);
                    table.ForeignKey(
                        name: "fk_communes_provinces_province_code",
                        column: x => x.province_code,
                        principalSchema: "applicants",
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_communes_province_code",
                schema: "applicants",
                table: "communes",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_provinces_region_code",
                schema: "applicants",
                table: "provinces",
                column: "region_code");

            // HCP's division as shipped with this release (Persistence/Geography/*.csv, see SOURCES.md):
            // one multi-row INSERT per table. Later changes to communes come through the import, not here.
            migrationBuilder.Sql(GeographySeed.InsertSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communes",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "provinces",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "regions",
                schema: "applicants");
        }
    }
}
