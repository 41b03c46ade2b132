-- 0008: PostgreSQL only (issue 5): the viewer functions the per-connection visibility views call,
-- and the data version the response caches of several servers compare. SQLite registers its
-- viewer functions per connection (storage/sqlite/visibility.cpp) and has PRAGMA data_version,
-- so this file changes nothing here; it keeps both dialects at the same schema number.
SELECT 1;
