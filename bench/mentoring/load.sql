-- 20,000 mentors, each following 10 projects whose first visit is due between 10 days ago and 3
-- days ahead (200,000 due visits) and whose second is months ahead (not due): set-based, one
-- transaction. Variables: mentors, per_mentor, day (the Moroccan day of the run).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_mentors ON COMMIT DROP AS
    SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, :mentors) g;
INSERT INTO mentoring.mentors (id, name, email, phone, language, organisation_id, sectors, provinces, capacity, active, staff_user_id, registered_on, updated_on)
SELECT id, 'Mentor ' || n, 'mentor' || n || '@bench.local', '+212600000000', CASE WHEN n % 3 = 0 THEN 'ar' ELSE 'fr' END,
       NULL, ARRAY['Crafts'], ARRAY['03.531'], 12, true, NULL, now(), now()
FROM bench_mentors;
CREATE TEMP TABLE bench_projects ON COMMIT DROP AS
    SELECT m.id AS mentor_id, gen_random_uuid() AS id, k FROM bench_mentors m, generate_series(1, :per_mentor) k;
INSERT INTO mentoring.projects (id, programme_id, sector, commune_code, province_code, monthly_visits_for_months, quarterly_visits_until_month,
                                coordinator_email, approved_on, status, mentor_id, assigned_on)
SELECT id, '01960000-0000-7000-8000-000000000001'::uuid, 'Crafts', '03.531.01.01', '03.531', 6, 24,
       NULL, now() - interval '60 days', 'InFollowUp', mentor_id, now() - interval '60 days'
FROM bench_projects;
INSERT INTO mentoring.visits (id, project_id, number, month, due_on, status)
SELECT gen_random_uuid(), id, 1, 1, :'day'::date + (abs(hashtext(id::text)) % 14) - 10, 'Planned' FROM bench_projects
UNION ALL
SELECT gen_random_uuid(), id, 2, 2, :'day'::date + 40, 'Planned' FROM bench_projects;
COMMIT;
ANALYZE mentoring.mentors;
ANALYZE mentoring.projects;
ANALYZE mentoring.visits;
