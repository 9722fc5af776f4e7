using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Persons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "persons",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    first_name_ar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name_ar = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    phone = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    education_level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    household_size = table.Column<int>(type: "integer", nullable: false),
                    disability = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    categories = table.Column<string[]>(type: "text[]", nullable: false),
                    other_category_justification = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    employment_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    consented_on = table.Column<DateOnly>(type: "date", nullable: false),
                    registered_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_persons_communes_commune_code",
                        column: x => x.commune_code,
                        principalSchema: "applicants",
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_persons_cin",
                schema: "applicants",
                table: "persons",
                column: "cin",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_commune_code",
                schema: "applicants",
                table: "persons",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_persons_province_code_registered_on",
                schema: "applicants",
                table: "persons",
                columns: new[] { "province_code", "registered_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "persons",
                schema: "applicants");
        }
    }
}
