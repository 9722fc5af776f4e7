-- Set-based load for bench/financing: :financings approved financings (a million applications'
-- worth at about one in three approved) in one programme, and :loans honour loans of 12,000.00 MAD
-- over 24 months at 0 %, granted over the last 30 months, with their 24 instalments each. Eight
-- loans in ten have paid every instalment due; one stopped paying two months ago, one five.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO financing.financings (id, application_id, programme_id, committee_id, holder_kind, holder_id, sector, commune_code, province_code,
    total_cost, grant_amount, loan_amount, own_contribution, plan_version, approved_on, approved_by)
SELECT gen_random_uuid(), gen_random_uuid(), :'programme', NULL, 'Person', gen_random_uuid(), 'Crafts', '12.391.01.01', '12.391',
    85000.00, 59500.00, CASE WHEN n <= :loans THEN 12000.00 ELSE 0 END, 25500.00 - CASE WHEN n <= :loans THEN 12000.00 ELSE 0 END, 1,
    now() - make_interval(days => (n % 900)), NULL
FROM generate_series(1, :financings) AS n;
CREATE TEMP TABLE bench_loans ON COMMIT DROP AS
SELECT f.id AS financing_id, f.application_id, gen_random_uuid() AS id, (f.approved_on AT TIME ZONE 'Africa/Casablanca')::date + 30 AS first_due_on,
    f.approved_on AS created_on, row_number() OVER () AS n
FROM financing.financings f WHERE f.programme_id = :'programme' AND f.loan_amount > 0;
INSERT INTO financing.loans (id, financing_id, application_id, programme_id, province_code, plan_version, lender_id, principal, annual_rate,
    term_months, grace_months, first_due_on, status, total_due, repaid, outstanding_principal, days_past_due, arrears_bucket, amount_overdue, created_on)
SELECT id, financing_id, application_id, :'programme', '12.391', 1, NULL, 12000.00, 0, 24, 0, first_due_on, 'Active', 12000.00, 0, 12000.00, 0, 'current', 0, created_on
FROM bench_loans;
INSERT INTO financing.loan_instalments (id, loan_id, number, due_on, principal, interest, amount, paid, paid_off_on)
SELECT gen_random_uuid(), l.id, k, (l.first_due_on + make_interval(months => k - 1))::date, 500.00, 0, 500.00, p.paid, NULL
FROM bench_loans l
CROSS JOIN generate_series(1, 24) AS k
CROSS JOIN LATERAL (SELECT CASE WHEN (l.first_due_on + make_interval(months => k - 1))::date
    < current_date - make_interval(months => CASE l.n % 10 WHEN 8 THEN 2 WHEN 9 THEN 5 ELSE 0 END) THEN 500.00 ELSE 0 END AS paid) p;
UPDATE financing.loans l SET repaid = t.paid, outstanding_principal = 12000.00 - t.paid,
    status = CASE WHEN t.paid = 12000.00 THEN 'Repaid' ELSE 'Active' END
FROM (SELECT loan_id, sum(paid) AS paid FROM financing.loan_instalments GROUP BY loan_id) t WHERE t.loan_id = l.id;
UPDATE financing.programme_funders SET committed = 59500.00 * :financings, disbursed = 35700.00 * :financings WHERE programme_id = :'programme';
COMMIT;
ANALYZE financing.financings;
ANALYZE financing.loans;
ANALYZE financing.loan_instalments;
