using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonNameTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_key",
                schema: "applicants",
                table: "persons");

            migrationBuilder.AddColumn<string[]>(
                name: "name_tokens",
                schema: "applicants",
                table: "persons",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // The persons registered so far get the tokens Person.NameTokens computes:
            // NormalisedName's first round of folds per word (as the NationalScaleSearch migration
            // wrote it in SQL), then each word and each run of up to four consecutive words (behind
            // the ~ mark) through the second round, for the Latin and the Arabic full name. Checked equal to the C# tokens on the
            // 1,000,000 persons of bench/applicants (docs/benchmarks.md, issue 15).
            migrationBuilder.Sql(""""
                CREATE FUNCTION pg_temp.name_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $fold$
                SELECT coalesce(array_agg(regexp_replace(replace(replace(replace(w, 'ou', 'u'), 'w', 'u'), 'sh', 'ch'), '(.)\1+', '\1', 'g') ORDER BY n), '{}')
                FROM regexp_split_to_table(
                       translate(lower(regexp_replace(normalize(coalesce(name, ''), NFD), '[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0621]', '', 'g')), 'ٱةى', 'اهي'),
                       '[^a-z0-9\u0622-\u063F\u0641-\u064A\u0660-\u0669\u066E-\u066F\u0671-\u06D3\u06F0-\u06F9]+') WITH ORDINALITY AS t(w, n)
                WHERE w NOT IN ('', 'el', 'al')
                $fold$;
                CREATE FUNCTION pg_temp.transliterate(key text) RETURNS text LANGUAGE sql IMMUTABLE AS $fold$
                SELECT replace(replace(replace(regexp_replace(
                       replace(replace(replace(replace(replace(replace(replace(replace(key,
                       'o', 'u'), 'y', 'i'), 'dj', 'j'), 'q', 'k'), 'ph', 'f'), 'ck', 'k'), 'ce', 'se'), 'ci', 'si'),
                       '(.)\1+', '\1', 'g'), 'abdel', 'abd'), 'abdal', 'abd'), 'abdul', 'abd')
                $fold$;
                UPDATE applicants.persons AS p
                SET name_tokens = coalesce((
                    SELECT array_agg(DISTINCT CASE WHEN j > i THEN '~' ELSE '' END || pg_temp.transliterate(array_to_string(w.words[i:j], '')))
                    FROM (VALUES (pg_temp.name_words(concat_ws(' ', p.first_name, p.last_name))),
                                 (pg_temp.name_words(concat_ws(' ', p.first_name_ar, p.last_name_ar)))) AS w(words)
                    CROSS JOIN LATERAL generate_series(1, cardinality(w.words)) AS i
                    CROSS JOIN LATERAL generate_series(i, least(i + 3, cardinality(w.words))) AS j), '{}');
                DROP FUNCTION pg_temp.transliterate(text);
                DROP FUNCTION pg_temp.name_words(text);
                """");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "name_search",
                schema: "applicants",
                table: "persons",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "array_to_tsvector(name_tokens)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons",
                column: "name_search")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_persons_registered_on_id",
                schema: "applicants",
                table: "persons",
                columns: new[] { "registered_on", "id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_search",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_registered_on_id",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "name_search",
                schema: "applicants",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "name_tokens",
                schema: "applicants",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_key",
                schema: "applicants",
                table: "persons",
                column: "name_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
