-- The conditions the API sends for a name search (ApplicantsDbContext.NameMatches), written in SQL
-- for the bench's database-only timings and plans: NormalisedName's folds per word (as in the
-- NameKeysKeepDoubledDigits migration: doubled letters once, digits as written), then
-- pg_temp.search_words (every word, whole), pg_temp.search_apart (the words joined, as a run of the
-- name written apart: ~…) and pg_temp.search_together (the words joined, as one word of the name),
-- each matched by its own condition.
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
CREATE FUNCTION pg_temp.search_words(name text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $q$
SELECT string_agg(DISTINCT quote_literal(pg_temp.transliterate(w)), ' & ')::tsquery FROM unnest(pg_temp.name_words(name)) AS w
$q$;
CREATE FUNCTION pg_temp.search_apart(name text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $q$
SELECT quote_literal('~' || pg_temp.transliterate(array_to_string(pg_temp.name_words(name), '')))::tsquery
$q$;
CREATE FUNCTION pg_temp.search_together(name text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $q$
SELECT quote_literal(pg_temp.transliterate(array_to_string(pg_temp.name_words(name), '')))::tsquery
$q$;
CREATE FUNCTION pg_temp.part_tokens(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $q$
-- The tokens DuplicateDetection orders by for a first or a last name: each word, and the whole
-- written as one word, with and without the ~ of a run (inner runs of three words and more left out).
SELECT coalesce(array_agg(DISTINCT t), '{}') FROM (
    SELECT pg_temp.transliterate(w) FROM unnest(pg_temp.name_words(name)) AS w
    UNION ALL SELECT pg_temp.transliterate(array_to_string(pg_temp.name_words(name), ''))
    UNION ALL SELECT '~' || pg_temp.transliterate(array_to_string(pg_temp.name_words(name), ''))) AS s(t)
WHERE t NOT IN ('', '~')
$q$;
