-- The database's share of each request, without HTTP: for 300 loaded persons (random, both scripts
-- named) the statements EF Core sends for a search (count, then the page of 20 in the default order)
-- by CIN, by Latin full name, by Arabic full name and by a first name alone, and the duplicate
-- detection's candidate query, each timed with clock_timestamp() around EXECUTE; percentiles in ms.
-- The first name is folded by NormalisedName written in SQL (as in the NationalScaleSearch migration).
\pset pager off
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
CREATE TEMP TABLE timing (kind text, ms double precision, found bigint);
DO $$
DECLARE
    p record;
    t0 timestamptz;
    n bigint;
    k text;
    kinds text[] := ARRAY['cin', 'latin', 'arabic', 'first name', 'duplicate candidates'];
BEGIN
    FOR p IN SELECT * FROM applicants.persons TABLESAMPLE BERNOULLI (0.05) REPEATABLE (15)
             WHERE first_name IS NOT NULL AND first_name_ar IS NOT NULL AND merged_into_id IS NULL LIMIT 300 LOOP
        FOREACH k IN ARRAY kinds LOOP
            t0 := clock_timestamp();
            IF k = 'duplicate candidates' THEN
                EXECUTE 'SELECT count(*) FROM (SELECT p.* FROM applicants.persons AS p WHERE p.id <> $1 AND p.merged_into_id IS NULL
                         AND (p.birth_date = ANY ($2) OR (p.commune_code = $3 AND p.birth_date >= $4 AND p.birth_date <= $5)) LIMIT 500) s'
                    INTO n USING p.id, ARRAY[p.birth_date], p.commune_code, p.birth_date - 366, p.birth_date + 366;
            ELSIF k = 'cin' THEN
                EXECUTE 'SELECT count(*) FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.cin = $1' INTO n USING p.cin;
                EXECUTE 'SELECT count(*) FROM (SELECT p.* FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.cin = $1
                         ORDER BY p.registered_on DESC, p.id LIMIT 20) s' USING p.cin;
            ELSE
                EXECUTE 'SELECT count(*) FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.name_key LIKE $1' INTO n
                    USING '%' || CASE k WHEN 'latin' THEN split_part(p.name_key, ' ', 1) WHEN 'arabic' THEN split_part(p.name_key, ' ', 2)
                                        ELSE pg_temp.fold_name(p.first_name) END || '%';
                EXECUTE 'SELECT count(*) FROM (SELECT p.* FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.name_key LIKE $1
                         ORDER BY p.registered_on DESC, p.id LIMIT 20) s'
                    USING '%' || CASE k WHEN 'latin' THEN split_part(p.name_key, ' ', 1) WHEN 'arabic' THEN split_part(p.name_key, ' ', 2)
                                      ELSE pg_temp.fold_name(p.first_name) END || '%';
            END IF;
            INSERT INTO timing VALUES (k, extract(epoch FROM clock_timestamp() - t0) * 1000, n);
        END LOOP;
    END LOOP;
END $$;
SELECT kind, count(*) AS samples, round(avg(found)) AS mean_found,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p50_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p95_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p99_ms,
       round(max(ms)::numeric, 2) AS max_ms
FROM timing GROUP BY kind ORDER BY array_position(ARRAY['cin', 'latin', 'arabic', 'first name', 'duplicate candidates'], kind);
