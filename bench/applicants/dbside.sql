-- The database's share of each request, without HTTP: for 300 loaded persons (random, both scripts
-- named) the statements EF Core sends for a search (count, then the page of 20 in the default order)
-- by CIN, by Latin full name, by Arabic full name and by a first name alone, and the duplicate
-- detection's candidate query, each timed with clock_timestamp() around EXECUTE; percentiles in ms.
-- The search text is the person's names as typed, made into the API's tsquery by search-query.sql.
\pset pager off
\ir search-query.sql
CREATE TEMP TABLE timing (kind text, ms double precision, found bigint);
DO $$
DECLARE
    p record;
    t0 timestamptz;
    n bigint;
    k text;
    q text;
    kinds text[] := ARRAY['cin', 'latin', 'arabic', 'first name', 'duplicate candidates'];
BEGIN
    FOR p IN SELECT * FROM applicants.persons TABLESAMPLE BERNOULLI (0.05) REPEATABLE (15)
             WHERE first_name IS NOT NULL AND first_name_ar IS NOT NULL AND merged_into_id IS NULL LIMIT 300 LOOP
        FOREACH k IN ARRAY kinds LOOP
            t0 := clock_timestamp();
            IF k = 'duplicate candidates' THEN
                EXECUTE 'SELECT count(*) FROM (SELECT p.id, p.province_code, p.first_name, p.last_name, p.first_name_ar, p.last_name_ar, p.birth_date, p.commune_code
                         FROM applicants.persons AS p WHERE p.id <> $1 AND p.merged_into_id IS NULL
                         AND (p.birth_date = ANY ($2) OR (p.commune_code = $3 AND p.birth_date >= $4 AND p.birth_date <= $5))
                         ORDER BY CASE WHEN p.name_tokens && $6 THEN 1 ELSE 0 END + CASE WHEN p.name_tokens && $7 THEN 1 ELSE 0 END DESC,
                         p.commune_code = $3 DESC LIMIT 500) s'
                    INTO n USING p.id, ARRAY[p.birth_date], p.commune_code, p.birth_date - 366, p.birth_date + 366,
                        pg_temp.part_tokens(p.first_name) || pg_temp.part_tokens(p.first_name_ar),
                        pg_temp.part_tokens(p.last_name) || pg_temp.part_tokens(p.last_name_ar);
            ELSIF k = 'cin' THEN
                EXECUTE 'SELECT count(*) FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.cin = $1' INTO n USING p.cin;
                EXECUTE 'SELECT count(*) FROM (SELECT p.* FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.cin = $1
                         ORDER BY p.registered_on DESC, p.id LIMIT 20) s' USING p.cin;
            ELSE
                q := CASE k WHEN 'latin' THEN concat_ws(' ', p.first_name, p.last_name)
                            WHEN 'arabic' THEN concat_ws(' ', p.first_name_ar, p.last_name_ar)
                            ELSE p.first_name END;
                EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM applicants.persons AS p WHERE p.merged_into_id IS NULL
                         AND (p.name_search @@ $1 OR p.name_search @@ $2 OR p.name_search @@ $3) LIMIT 1001) s'
                    INTO n USING pg_temp.search_words(q), pg_temp.search_apart(q), pg_temp.search_together(q);
                -- Counted 1,000 or fewer: the page sorts the matches (OFFSET 0 fence), as GetPersonsQuery does.
                EXECUTE 'SELECT count(*) FROM (SELECT p.* FROM (SELECT * FROM applicants.persons AS p WHERE p.merged_into_id IS NULL
                         AND (p.name_search @@ $1 OR p.name_search @@ $2 OR p.name_search @@ $3)'
                         || CASE WHEN n <= 1000 THEN ' OFFSET 0' ELSE '' END ||
                         ') p ORDER BY p.registered_on DESC, p.id LIMIT 20) s'
                    USING pg_temp.search_words(q), pg_temp.search_apart(q), pg_temp.search_together(q);
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
