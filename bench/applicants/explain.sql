-- The plans of what registration and search send, on the loaded set (bench/applicants/run.sh).
-- The statements are EF Core's (as pg_stat_statements shows them), with the values of one loaded
-- person: psql variables set from it below.
\pset pager off
\ir search-query.sql
SELECT cin, birth_date, commune_code,
       concat_ws(' ', first_name, last_name) AS latin_name,
       concat_ws(' ', first_name_ar, last_name_ar) AS arabic_name,
       (birth_date - 366) AS birth_from, (birth_date + 366) AS birth_to,
       pg_temp.part_tokens(first_name) || pg_temp.part_tokens(first_name_ar) AS first_tokens,
       pg_temp.part_tokens(last_name) || pg_temp.part_tokens(last_name_ar) AS last_tokens
FROM applicants.persons WHERE first_name IS NOT NULL AND first_name_ar IS NOT NULL
ORDER BY id OFFSET 123457 LIMIT 1 \gset
\echo == registration: is the CIN free
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id FROM applicants.persons AS p WHERE p.cin = :'cin' LIMIT 1;
\echo == registration: duplicate detection, who could be a duplicate (same or swapped birth date anywhere, near one in the commune), sharing name words first
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.province_code, p.first_name, p.last_name, p.first_name_ar, p.last_name_ar, p.birth_date, p.commune_code
FROM applicants.persons AS p
WHERE p.id <> '00000000-0000-0000-0000-000000000000' AND p.merged_into_id IS NULL
  AND (p.birth_date = ANY (ARRAY[:'birth_date'::date]) OR (p.commune_code = :'commune_code' AND p.birth_date >= :'birth_from'::date AND p.birth_date <= :'birth_to'::date))
ORDER BY CASE WHEN p.name_tokens && :'first_tokens'::text[] THEN 1 ELSE 0 END + CASE WHEN p.name_tokens && :'last_tokens'::text[] THEN 1 ELSE 0 END DESC,
  p.commune_code = :'commune_code' DESC
LIMIT 500;
\echo == the same on 1 January of a year (the date many older persons were registered with)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.province_code, p.first_name, p.last_name, p.first_name_ar, p.last_name_ar, p.birth_date, p.commune_code
FROM applicants.persons AS p
WHERE p.id <> '00000000-0000-0000-0000-000000000000' AND p.merged_into_id IS NULL
  AND (p.birth_date = ANY (ARRAY['1970-01-01'::date]) OR (p.commune_code = :'commune_code' AND p.birth_date >= '1969-01-01'::date AND p.birth_date <= '1971-01-02'::date))
ORDER BY CASE WHEN p.name_tokens && :'first_tokens'::text[] THEN 1 ELSE 0 END + CASE WHEN p.name_tokens && :'last_tokens'::text[] THEN 1 ELSE 0 END DESC,
  p.commune_code = :'commune_code' DESC
LIMIT 500;
\echo == search by CIN (count, then the page)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND p.cin = :'cin';
\echo == search by Latin full name: count (up to 1,000), then the page (a full name: 1,000 matches or fewer, sorted behind OFFSET 0)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words(:'latin_name') OR p.name_search @@ pg_temp.search_apart(:'latin_name') OR p.name_search @@ pg_temp.search_together(:'latin_name')) LIMIT 1001) s;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.* FROM (SELECT * FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words(:'latin_name') OR p.name_search @@ pg_temp.search_apart(:'latin_name') OR p.name_search @@ pg_temp.search_together(:'latin_name')) OFFSET 0) p
ORDER BY p.registered_on DESC, p.id LIMIT 20;
\echo == search by Arabic full name: count (up to 1,000), then the page (a full name: 1,000 matches or fewer, sorted behind OFFSET 0)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words(:'arabic_name') OR p.name_search @@ pg_temp.search_apart(:'arabic_name') OR p.name_search @@ pg_temp.search_together(:'arabic_name')) LIMIT 1001) s;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.* FROM (SELECT * FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words(:'arabic_name') OR p.name_search @@ pg_temp.search_apart(:'arabic_name') OR p.name_search @@ pg_temp.search_together(:'arabic_name')) OFFSET 0) p
ORDER BY p.registered_on DESC, p.id LIMIT 20;
\echo == search by one common first name (Mohamed): count (up to 1,000), then the page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words('Mohamed') OR p.name_search @@ pg_temp.search_apart('Mohamed') OR p.name_search @@ pg_temp.search_together('Mohamed')) LIMIT 1001) s;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.* FROM applicants.persons AS p WHERE p.merged_into_id IS NULL AND (p.name_search @@ pg_temp.search_words('Mohamed') OR p.name_search @@ pg_temp.search_apart('Mohamed') OR p.name_search @@ pg_temp.search_together('Mohamed'))
ORDER BY p.registered_on DESC, p.id LIMIT 20;
