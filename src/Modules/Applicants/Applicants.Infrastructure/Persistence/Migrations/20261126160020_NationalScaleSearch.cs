using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NationalScaleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_key",
                schema: "applicants",
                table: "groups",
                type: "character varying(410)",
                maxLength: 410,
                nullable: false,
                defaultValue: "");

            // The groups registered so far get the key Group.NameKey computes: NormalisedName.Of
            // written in SQL, step by step (decompose, drop the marks, tatweel and hamza, fold ٱ ة ى,
            // lower-case, split into words, drop el/al, ou/w/sh and doubled letters per word, then
            // the key-wide transliterations). It gave the key of the C# code on each of the
            // 1,000,000 persons of bench/applicants (docs/benchmarks.md, issue 15).
            migrationBuilder.Sql(""""
                CREATE FUNCTION pg_temp.fold_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $fold$
                SELECT replace(replace(replace(regexp_replace(
                       replace(replace(replace(replace(replace(replace(replace(replace(
                       coalesce(string_agg(regexp_replace(replace(replace(replace(w, 'ou', 'u'), 'w', 'u'), 'sh', 'ch'), '(.)\1+', '\1', 'g'), '' ORDER BY n), ''),
                       'o', 'u'), 'y', 'i'), 'dj', 'j'), 'q', 'k'), 'ph', 'f'), 'ck', 'k'), 'ce', 'se'), 'ci', 'si'),
                       '(.)\1+', '\1', 'g'), 'abdel', 'abd'), 'abdal', 'abd'), 'abdul', 'abd')
                FROM regexp_split_to_table(
                       translate(lower(regexp_replace(normalize(coalesce(name, ''), NFD), '[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0621]', '', 'g')), 'ٱةى', 'اهي'),
                       '[^a-z0-9\u0622-\u063F\u0641-\u064A\u0660-\u0669\u066E-\u066F\u0671-\u06D3\u06F0-\u06F9]+') WITH ORDINALITY AS t(w, n)
                WHERE w NOT IN ('', 'el', 'al')
                $fold$;
                UPDATE applicants.groups
                SET name_key = btrim(pg_temp.fold_name(name) || ' ' || pg_temp.fold_name(name_ar));
                DROP FUNCTION pg_temp.fold_name(text);
                """");

            migrationBuilder.CreateIndex(
                name: "ix_groups_name_key",
                schema: "applicants",
                table: "groups",
                column: "name_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_groups_name_key",
                schema: "applicants",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "name_key",
                schema: "applicants",
                table: "groups");
        }
    }
}
