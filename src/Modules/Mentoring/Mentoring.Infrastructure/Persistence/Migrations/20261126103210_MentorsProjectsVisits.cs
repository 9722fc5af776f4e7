using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mentoring.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MentorsProjectsVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mentors",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sectors = table.Column<string[]>(type: "text[]", nullable: false),
                    provinces = table.Column<string[]>(type: "text[]", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    staff_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mentors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    monthly_visits_for_months = table.Column<int>(type: "integer", nullable: false),
                    quarterly_visits_until_month = table.Column<int>(type: "integer", nullable: false),
                    coordinator_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approved_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mentor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    capacity_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    assigned_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assignments_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "mentoring",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reschedule_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    enterprise_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    monthly_revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    jobs_held_by_women = table.Column<int>(type: "integer", nullable: true),
                    jobs_held_by_men = table.Column<int>(type: "integer", nullable: true),
                    problems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recommendations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    positive = table.Column<bool>(type: "boolean", nullable: true),
                    reported_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "mentoring",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_project_id_assigned_on",
                schema: "mentoring",
                table: "assignments",
                columns: new[] { "project_id", "assigned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_mentors_name",
                schema: "mentoring",
                table: "mentors",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_mentors_staff_user_id",
                schema: "mentoring",
                table: "mentors",
                column: "staff_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_mentor_id_status",
                schema: "mentoring",
                table: "projects",
                columns: new[] { "mentor_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_province_code_status",
                schema: "mentoring",
                table: "projects",
                columns: new[] { "province_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_planned_due",
                schema: "mentoring",
                table: "visits",
                columns: new[] { "due_on", "project_id" },
                filter: "status = 'Planned'");

            migrationBuilder.CreateIndex(
                name: "ix_visits_project_id_number",
                schema: "mentoring",
                table: "visits",
                columns: new[] { "project_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments",
                schema: "mentoring");

            migrationBuilder.DropTable(
                name: "mentors",
                schema: "mentoring");

            migrationBuilder.DropTable(
                name: "visits",
                schema: "mentoring");

            migrationBuilder.DropTable(
                name: "projects",
                schema: "mentoring");
        }
    }
}
