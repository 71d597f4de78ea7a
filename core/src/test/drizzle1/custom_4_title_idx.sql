-- Hand-written (drizzle-kit generate --custom): drizzle-orm runs every pending migration in one transaction, so a
-- CONCURRENTLY index needs the COMMIT first.
COMMIT;--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "posts_title_idx" ON "posts" ("title");
