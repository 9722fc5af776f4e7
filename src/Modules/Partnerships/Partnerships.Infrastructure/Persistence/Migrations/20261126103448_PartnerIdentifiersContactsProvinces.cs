using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerships.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnerIdentifiersContactsProvinces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contacts",
                schema: "partnerships",
                table: "partners",
                type: "jsonb",
                nullable: false,
                // Partners registered before contacts existed have none (an empty string is not JSON).
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ice",
                schema: "partnerships",
                table: "partners",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "provinces_of_action",
                schema: "partnerships",
                table: "partners",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "registration_number",
                schema: "partnerships",
                table: "partners",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contacts",
                schema: "partnerships",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "ice",
                schema: "partnerships",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "provinces_of_action",
                schema: "partnerships",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "registration_number",
                schema: "partnerships",
                table: "partners");
        }
    }
}
