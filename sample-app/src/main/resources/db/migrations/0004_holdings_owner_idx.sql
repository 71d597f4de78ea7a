-- Custom SQL migration file, put your code below! --
-- Hand-written: built without blocking writes to holdings. CONCURRENTLY cannot run in a transaction block, so
-- Migrator runs this migration in autocommit; keep such statements in a migration of their own.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "holdings_owner_idx" ON "holdings" ("owner");
