using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Eligibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "eligibility_assessed_on",
                schema: "applicants",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "eligibility_checks",
                schema: "applicants",
                table: "applications",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "eligibility_override",
                schema: "applicants",
                table: "applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "eligibility_assessed_on",
                schema: "applicants",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "eligibility_checks",
                schema: "applicants",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "eligibility_override",
                schema: "applicants",
                table: "applications");
        }
    }
}
