using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Groups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groups",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_on = table.Column<DateOnly>(type: "date", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    registered_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_groups_communes_commune_code",
                        column: x => x.commune_code,
                        principalSchema: "applicants",
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_group_members_groups_group_id",
                        column: x => x.group_id,
                        principalSchema: "applicants",
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_members_persons_person_id",
                        column: x => x.person_id,
                        principalSchema: "applicants",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_members_group_id_person_id",
                schema: "applicants",
                table: "group_members",
                columns: new[] { "group_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_group_members_person_id",
                schema: "applicants",
                table: "group_members",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_commune_code",
                schema: "applicants",
                table: "groups",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_groups_legal_form_registration_number",
                schema: "applicants",
                table: "groups",
                columns: new[] { "legal_form", "registration_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groups_province_code_registered_on",
                schema: "applicants",
                table: "groups",
                columns: new[] { "province_code", "registered_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_members",
                schema: "applicants");

            migrationBuilder.DropTable(
                name: "groups",
                schema: "applicants");
        }
    }
}
