-- The plans of what registration and search send, on the loaded set (bench/applicants/run.sh).
-- The statements are EF Core's (as pg_stat_statements shows them), with the values of one loaded
-- person: psql variables set from it below.
\pset pager off
\ir search-query.sql
SELECT cin, birth_date, commune_code,
       concat_ws(' ', first_name, last_name) AS latin_name,
       concat_ws(' ', first_name_ar, last_name_ar) AS arabic_name,
       (birth_date - 366) AS birth_from, (birth_date + 366) AS birth_to
FROM applicants.persons WHERE first_name IS NOT NULL AND first_name_ar IS NOT NULL
ORDER BY id OFFSET 123457 LIMIT 1 \gset
\echo == registration: is the CIN free
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id FROM applicants.persons AS p WHERE p.cin = :'cin' LIMIT 1;
\echo == registration: duplicate detection, who could be a duplicate (same or swapped birth date anywhere, near one in the commune)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.* FROM applicants.persons AS p
WHERE p.id <> '00000000-0000-0000-0000-000000000000' AND p.merged_into_id IS NULL
  AND (p.birth_date = ANY (ARRAY[:'birth_date'::date]) OR (p.commune_code = :'commune_code' AND p.birth_date >= :'birth_from'::date AND p.birth_date <= :'birth_to'::date))
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
