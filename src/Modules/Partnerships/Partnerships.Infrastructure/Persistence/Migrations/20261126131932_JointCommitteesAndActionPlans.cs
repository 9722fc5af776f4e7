using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerships.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JointCommitteesAndActionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "action_plans",
                schema: "partnerships",
                table: "conventions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "committee_members",
                schema: "partnerships",
                table: "conventions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "meetings",
                schema: "partnerships",
                table: "conventions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "action_plans",
                schema: "partnerships",
                table: "conventions");

            migrationBuilder.DropColumn(
                name: "committee_members",
                schema: "partnerships",
                table: "conventions");

            migrationBuilder.DropColumn(
                name: "meetings",
                schema: "partnerships",
                table: "conventions");
        }
    }
}
