-- The directory's first-time text search as raw SQL, the anchor of bench/directory.sh on
-- PostgreSQL (pgbench -M prepared: a prepared statement, as the server runs it). What
-- crates/store/src/directory.rs builds for `?q=rust systems&max_price=…`.
\set ceiling random(10000000, 1000000000)
WITH q AS MATERIALIZED (SELECT to_tsquery('simple', 'rust:* & systems:*') AS query)
SELECT e.user_id, e.slug, u.display_name, u.avatar_key, e.headline, e.bio, e.currency,
 e.hourly_from_minor, e.rating_centi, e.rating_count, e.next_available_at, e.verified_at,
 page.sort_key
FROM (SELECT e.user_id, CAST(-ts_rank(s.search_vector, q.query) * 1000000 AS BIGINT) AS sort_key
      FROM q JOIN expert_search s ON s.search_vector @@ q.query
      JOIN expert_profiles e ON e.user_id = s.user_id
      WHERE e.status = 'approved' AND e.suspended_at IS NULL
        AND e.payout_charges_enabled = TRUE AND e.payout_payouts_enabled = TRUE
        AND e.rank_price <= :ceiling
      ORDER BY CAST(-ts_rank(s.search_vector, q.query) * 1000000 AS BIGINT), e.user_id
      LIMIT 21 OFFSET 0) page
JOIN expert_profiles e ON e.user_id = page.user_id
JOIN users u ON u.id = e.user_id
ORDER BY page.sort_key, page.user_id;
