using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonNameSearchWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons",
                column: "name_search")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons",
                column: "name_search")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
