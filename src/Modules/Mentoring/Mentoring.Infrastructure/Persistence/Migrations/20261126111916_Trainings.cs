using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mentoring.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Trainings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trainings",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    created_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trainings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_enrolments",
                schema: "mentoring",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    training_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolled_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_enrolments_trainings_training_id",
                        column: x => x.training_id,
                        principalSchema: "mentoring",
                        principalTable: "trainings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_person_id",
                schema: "mentoring",
                table: "training_enrolments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_training_id_person_id",
                schema: "mentoring",
                table: "training_enrolments",
                columns: new[] { "training_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trainings_province_code_starts_on",
                schema: "mentoring",
                table: "trainings",
                columns: new[] { "province_code", "starts_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_enrolments",
                schema: "mentoring");

            migrationBuilder.DropTable(
                name: "trainings",
                schema: "mentoring");
        }
    }
}
