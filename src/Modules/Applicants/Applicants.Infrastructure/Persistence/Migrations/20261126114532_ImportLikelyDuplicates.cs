using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImportLikelyDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "likely_duplicates",
                schema: "applicants",
                table: "imported_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "likely_duplicates",
                schema: "applicants",
                table: "imported_lines");
        }
    }
}
