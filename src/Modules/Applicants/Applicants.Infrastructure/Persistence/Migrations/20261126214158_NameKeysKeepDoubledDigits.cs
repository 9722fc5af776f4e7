using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Applicants.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameKeysKeepDoubledDigits : Migration
    {
        /// <summary>
        /// Re-keys the persons and groups whose names hold a digit: NormalisedName no longer folds a
        /// doubled digit (ODCO-4566 is not ODCO-456), and a name without a digit keeps the key it had,
        /// so the regex on the names picks the few rows to rewrite before any fold runs (none of the
        /// 1,000,000 persons of bench/applicants). The folds are those of the NationalScaleSearch and
        /// PersonNameTokens migrations, de-doubling letters only. IntegrationTests run this text
        /// against the keys the C# code wrote (NameKeyMigrationTests).
        /// </summary>
        internal const string ReKeyNamesWithDigits = """"
            CREATE FUNCTION pg_temp.name_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $fold$
            SELECT coalesce(array_agg(regexp_replace(replace(replace(replace(w, 'ou', 'u'), 'w', 'u'), 'sh', 'ch'), '([^0-9\u0660-\u0669\u06F0-\u06F9])\1+', '\1', 'g') ORDER BY n), '{}')
            FROM regexp_split_to_table(
                   translate(lower(regexp_replace(normalize(coalesce(name, ''), NFD), '[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0621]', '', 'g')), 'ٱةى', 'اهي'),
                   '[^a-z0-9\u0622-\u063F\u0641-\u064A\u0660-\u0669\u066E-\u066F\u0671-\u06D3\u06F0-\u06F9]+') WITH ORDINALITY AS t(w, n)
            WHERE w NOT IN ('', 'el', 'al')
            $fold$;
            CREATE FUNCTION pg_temp.transliterate(key text) RETURNS text LANGUAGE sql IMMUTABLE AS $fold$
            SELECT replace(replace(replace(regexp_replace(
                   replace(replace(replace(replace(replace(replace(replace(replace(key,
                   'o', 'u'), 'y', 'i'), 'dj', 'j'), 'q', 'k'), 'ph', 'f'), 'ck', 'k'), 'ce', 'se'), 'ci', 'si'),
                   '([^0-9\u0660-\u0669\u06F0-\u06F9])\1+', '\1', 'g'), 'abdel', 'abd'), 'abdal', 'abd'), 'abdul', 'abd')
            $fold$;
            CREATE FUNCTION pg_temp.fold_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $fold$
            SELECT pg_temp.transliterate(array_to_string(pg_temp.name_words(name), ''))
            $fold$;
            UPDATE applicants.persons AS p
            SET name_key = btrim(pg_temp.fold_name(concat_ws(' ', p.first_name, p.last_name)) || ' ' || pg_temp.fold_name(concat_ws(' ', p.first_name_ar, p.last_name_ar))),
                name_tokens = coalesce((
                    SELECT array_agg(DISTINCT CASE WHEN j > i THEN '~' ELSE '' END || pg_temp.transliterate(array_to_string(w.words[i:j], '')))
                    FROM (VALUES (pg_temp.name_words(concat_ws(' ', p.first_name, p.last_name))),
                                 (pg_temp.name_words(concat_ws(' ', p.first_name_ar, p.last_name_ar)))) AS w(words)
                    CROSS JOIN LATERAL generate_series(1, cardinality(w.words)) AS i
                    CROSS JOIN LATERAL generate_series(i, least(i + 3, cardinality(w.words))) AS j), '{}')
            WHERE concat(p.first_name, p.last_name, p.first_name_ar, p.last_name_ar) ~ '[0-9\u0660-\u0669\u06F0-\u06F9]';
            UPDATE applicants.groups AS g
            SET name_key = btrim(pg_temp.fold_name(g.name) || ' ' || pg_temp.fold_name(g.name_ar))
            WHERE concat(g.name, g.name_ar) ~ '[0-9\u0660-\u0669\u06F0-\u06F9]';
            DROP FUNCTION pg_temp.fold_name(text);
            DROP FUNCTION pg_temp.transliterate(text);
            DROP FUNCTION pg_temp.name_words(text);
            """";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReKeyNamesWithDigits);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old keys folded doubled digits, a defect: nothing to restore.
        }
    }
}
