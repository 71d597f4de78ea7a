package dev.migrator.engine.lint;

import org.junit.jupiter.api.Test;

import static dev.migrator.engine.lint.LintFixture.offline;
import static org.assertj.core.api.Assertions.assertThat;

/** What the lint cannot follow it skips, and a table the migration created is new. */
class UnderstoodStatementsTests {

	@Test
	void tableCreatedEarlierInTheSameMigrationIsNew() {
		assertThat(offline("""
				CREATE TABLE IF NOT EXISTS "orders" ("id" serial PRIMARY KEY, "total" int);
				--> statement-breakpoint
				CREATE INDEX "orders_total_idx" ON "orders" ("total");
				ALTER TABLE "public"."orders" ADD COLUMN "region" text NOT NULL;
				ALTER TABLE orders ADD COLUMN uid uuid DEFAULT gen_random_uuid();
				ALTER TABLE orders ALTER COLUMN total SET NOT NULL, ALTER COLUMN total TYPE bigint;
				ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total > 0);
				ALTER TABLE orders RENAME COLUMN total TO amount;
				ALTER TABLE orders DROP COLUMN amount;
				UPDATE orders SET region = 'eu';
				""")).isEmpty();
	}

	@Test
	void tableCreatedInAnotherSchemaIsNotTheExistingOne() {
		assertThat(offline("CREATE TABLE archive.orders (id int);\nCREATE INDEX ON public.orders (id);"))
			.extracting(Finding::rule).containsExactly("index-not-concurrent");
	}

	@Test
	void statementsTheLintDoesNotUnderstandAreSkipped() {
		assertThat(offline("""
				DO $$ BEGIN
				  CREATE TYPE "public"."status" AS ENUM('a', 'b');
				EXCEPTION WHEN duplicate_object THEN null;
				END $$;
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
				BEGIN UPDATE orders SET total = 0; DROP TABLE x; RETURN NEW; END $fn$;
				CREATE POLICY "p" ON "orders" AS PERMISSIVE FOR SELECT TO public USING (true);
				ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;
				ALTER TABLE;
				ALTER TABLE orders ADD;
				CREATE INDEX;
				UPDATE;
				DELETE FROM;
				WITH;
				ALTER TYPE;
				COMMENT ON TABLE orders IS 'DROP TABLE orders';
				SELECT 'UPDATE orders SET x = 1';
				""")).isEmpty();
	}

}
