using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                schema: "applicants",
                table: "persons",
                type: "character varying(410)",
                maxLength: 410,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_key",
                schema: "applicants",
                table: "persons",
                column: "name_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_key",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "name_key",
                schema: "applicants",
                table: "persons");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
