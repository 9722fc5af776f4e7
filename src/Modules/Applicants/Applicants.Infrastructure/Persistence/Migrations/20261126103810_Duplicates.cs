using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // NormalisedName's second round of Latin folds (o/u, y/i, dj/j, q/k, ph/f, ck/k, ce/se,
            // ci/si, doubled letters across words, abdel/abdal/abdul → abd), applied to the keys
            // stored by the first round, step by step as NormalisedName.Transliterations does.
            migrationBuilder.Sql("""
                UPDATE applicants.persons SET name_key =
                replace(replace(replace(regexp_replace(
                replace(replace(replace(replace(replace(replace(replace(replace(name_key, 'o', 'u'), 'y', 'i'), 'dj', 'j'), 'q', 'k'), 'ph', 'f'), 'ck', 'k'), 'ce', 'se'), 'ci', 'si'),
                 '(.)\1+', '\1', 'g'), 'abdel', 'abd'), 'abdal', 'abd'), 'abdul', 'abd');
                """);

            migrationBuilder.DropIndex(
                name: "ix_persons_commune_code",
                schema: "applicants",
                table: "persons");

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                schema: "applicants",
                table: "persons",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                schema: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    match_province_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    same_birth_date = table.Column<bool>(type: "boolean", nullable: false),
                    same_commune = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    detected_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_on = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_duplicate_candidates_persons_match_id",
                        column: x => x.match_id,
                        principalSchema: "applicants",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_duplicate_candidates_persons_person_id",
                        column: x => x.person_id,
                        principalSchema: "applicants",
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_persons_birth_date",
                schema: "applicants",
                table: "persons",
                column: "birth_date");

            migrationBuilder.CreateIndex(
                name: "ix_persons_commune_code_birth_date",
                schema: "applicants",
                table: "persons",
                columns: new[] { "commune_code", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_merged_into_id",
                schema: "applicants",
                table: "persons",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_match_id",
                schema: "applicants",
                table: "duplicate_candidates",
                column: "match_id");

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_person_id_match_id",
                schema: "applicants",
                table: "duplicate_candidates",
                columns: new[] { "person_id", "match_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_status_province_code_score",
                schema: "applicants",
                table: "duplicate_candidates",
                columns: new[] { "status", "province_code", "score" });

            migrationBuilder.AddForeignKey(
                name: "fk_persons_persons_merged_into_id",
                schema: "applicants",
                table: "persons",
                column: "merged_into_id",
                principalSchema: "applicants",
                principalTable: "persons",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_persons_persons_merged_into_id",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropTable(
                name: "duplicate_candidates",
                schema: "applicants");

            migrationBuilder.DropIndex(
                name: "ix_persons_birth_date",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_commune_code_birth_date",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_merged_into_id",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                schema: "applicants",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_commune_code",
                schema: "applicants",
                table: "persons",
                column: "commune_code");
        }
    }
}
