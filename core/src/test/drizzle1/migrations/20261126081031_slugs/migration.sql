-- Custom SQL migration file, put your code below! --
-- Hand-written (drizzle-kit generate --custom): a slug function with a dollar-quoted body; a backfill.
CREATE FUNCTION slugify(value text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT trim(both '-' from regexp_replace(lower(value), '[^a-z0-9]+', '-', 'g'));
$$;
--> statement-breakpoint
UPDATE posts SET metadata = jsonb_set(metadata, '{slug}', to_jsonb(slugify(title))) WHERE NOT metadata ? 'slug';
