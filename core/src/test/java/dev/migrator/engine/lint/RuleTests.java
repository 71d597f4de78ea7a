package dev.migrator.engine.lint;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrator.engine.lint.LintFixture.FILE;
import static dev.migrator.engine.lint.LintFixture.of;
import static dev.migrator.engine.lint.LintFixture.offline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule on a migration that triggers it and on the safe variant, offline: every table the migration does not
 * create is taken to exist, as in production.
 */
class RuleTests {

	private static final String NEW_TABLE = "CREATE TABLE audit (id bigint PRIMARY KEY, note text);\n";

	/** The rule's one finding, checked for file, line, severity and fix; its message. */
	private static String assertFinding(List<Finding> findings, Rule rule, int line, Severity severity) {
		assertThat(of(rule, findings)).singleElement().satisfies((finding) -> {
			assertThat(finding.file()).isEqualTo(FILE);
			assertThat(finding.line()).isEqualTo(line);
			assertThat(finding.severity()).isEqualTo(severity);
			assertThat(finding.fix()).isEqualTo(rule.fix());
		});
		return of(rule, findings).get(0).message();
	}

	@Test
	void indexWithoutConcurrentlyOnAnExistingTableIsAWarning() {
		List<Finding> findings = offline(
				NEW_TABLE + "CREATE INDEX \"orders_customer_idx\" ON \"orders\" USING btree (\"customer_id\");");
		assertThat(assertFinding(findings, Rule.INDEX_NOT_CONCURRENT, 2, Severity.WARN))
			.startsWith("CREATE INDEX orders_customer_idx on existing table orders builds");
		assertThat(findings.get(0).column()).isEqualTo(1);
		assertThat(offline(NEW_TABLE
				+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"orders_customer_idx\" ON \"orders\" (\"customer_id\");"))
			.isEmpty();
	}

	@Test
	void uniqueConstraintBuildingItsOwnIndexIsIndexNotConcurrent() {
		assertFinding(offline("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);"),
				Rule.INDEX_NOT_CONCURRENT, 1, Severity.WARN);
		assertThat(offline("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx;\n"
				+ "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;")).isEmpty();
	}

	@Test
	void addColumnNotNullWithoutDefaultIsAnError() {
		List<Finding> findings = offline(NEW_TABLE + "ALTER TABLE \"orders\" ADD COLUMN \"region\" text NOT NULL;");
		assertThat(assertFinding(findings, Rule.ADD_COLUMN_NOT_NULL, 2, Severity.ERROR))
			.startsWith("ADD COLUMN region NOT NULL without a DEFAULT on existing table orders");
		assertThat(offline("ALTER TABLE \"orders\" ADD COLUMN \"region\" text DEFAULT 'eu' NOT NULL;\n"
				+ "ALTER TABLE \"orders\" ADD COLUMN \"note\" text;")).isEmpty();
		assertFinding(offline("ALTER TABLE orders ADD COLUMN region text DEFAULT NULL NOT NULL"),
				Rule.ADD_COLUMN_NOT_NULL, 1, Severity.ERROR);
	}

	@Test
	void addColumnWithVolatileDefaultRewritesTheTable() {
		List<Finding> findings = offline(
				NEW_TABLE + "ALTER TABLE \"orders\" ADD COLUMN \"uid\" uuid DEFAULT gen_random_uuid() NOT NULL;");
		assertThat(assertFinding(findings, Rule.ADD_COLUMN_VOLATILE_DEFAULT, 2, Severity.WARN))
			.contains("DEFAULT gen_random_uuid()");
		assertThat(of(Rule.ADD_COLUMN_NOT_NULL, findings)).isEmpty();
		assertFinding(offline("ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp()"),
				Rule.ADD_COLUMN_VOLATILE_DEFAULT, 1, Severity.WARN);
		assertFinding(offline("ALTER TABLE orders ADD COLUMN n bigserial"), Rule.ADD_COLUMN_VOLATILE_DEFAULT, 1,
				Severity.WARN);
		assertThat(offline("ALTER TABLE orders ADD COLUMN uid uuid;\n"
				+ "ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT now() NOT NULL;\n"
				+ "ALTER TABLE orders ALTER COLUMN uid SET DEFAULT gen_random_uuid();")).isEmpty();
	}

	@Test
	void setNotNullOnAnExistingTableScansIt() {
		assertFinding(offline(NEW_TABLE + "ALTER TABLE \"orders\" ALTER COLUMN \"region\" SET NOT NULL;"),
				Rule.SET_NOT_NULL, 2, Severity.WARN);
		assertThat(offline("ALTER TABLE orders VALIDATE CONSTRAINT orders_region_not_null;\n"
				+ "ALTER TABLE orders ALTER COLUMN region SET NOT NULL;")).isEmpty();
	}

	@Test
	void foreignKeyAndCheckWithoutNotValidAreFindings() {
		List<Finding> findings = offline(NEW_TABLE + """
				ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_fk" FOREIGN KEY ("customer_id") REFERENCES \
				"public"."customers"("id") ON DELETE no action ON UPDATE no action;
				ALTER TABLE orders ADD CHECK (total >= 0);""");
		assertThat(of(Rule.CONSTRAINT_NOT_VALID, findings)).extracting(Finding::line).containsExactly(2, 3);
		assertThat(findings.get(0).message())
			.startsWith("ADD CONSTRAINT orders_customer_fk FOREIGN KEY without NOT VALID");
		assertThat(offline("""
				ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
				  REFERENCES customers (id) NOT VALID;
				ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
				ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;""")).isEmpty();
	}

	@Test
	void alterColumnTypeOnAnExistingTableIsAFinding() {
		assertFinding(offline(NEW_TABLE + "ALTER TABLE \"orders\" ALTER COLUMN \"total\" SET DATA TYPE bigint;"),
				Rule.ALTER_COLUMN_TYPE, 2, Severity.WARN);
		assertFinding(offline("ALTER TABLE orders ALTER total TYPE numeric(12, 2) USING total::numeric"),
				Rule.ALTER_COLUMN_TYPE, 1, Severity.WARN);
		assertThat(offline(NEW_TABLE + "ALTER TABLE audit ALTER COLUMN note TYPE varchar(200);")).isEmpty();
	}

	@Test
	void dropColumnIsAFinding() {
		assertFinding(offline(NEW_TABLE + "ALTER TABLE \"orders\" DROP COLUMN \"legacy\";"), Rule.DROP_COLUMN, 2,
				Severity.WARN);
		assertThat(offline("ALTER TABLE orders DROP CONSTRAINT orders_legacy_check;")).isEmpty();
	}

	@Test
	void renameColumnIsAFinding() {
		assertFinding(offline(NEW_TABLE + "ALTER TABLE \"orders\" RENAME COLUMN \"total\" TO \"amount\";"),
				Rule.RENAME_COLUMN, 2, Severity.WARN);
		assertThat(offline("ALTER TABLE orders RENAME CONSTRAINT a TO b;\n" + NEW_TABLE
				+ "ALTER TABLE audit RENAME COLUMN note TO remark;")).isEmpty();
	}

	@Test
	void renameTableIsAFinding() {
		assertFinding(offline(NEW_TABLE + "ALTER TABLE \"orders\" RENAME TO \"purchases\";"), Rule.RENAME_TABLE, 2,
				Severity.WARN);
		assertThat(offline(NEW_TABLE + "ALTER TABLE audit RENAME TO audit_log;\nCREATE INDEX ON audit_log (note);"))
			.isEmpty();
	}

	@Test
	void dropTableIsAFinding() {
		assertFinding(offline(NEW_TABLE + "DROP TABLE IF EXISTS \"legacy\" CASCADE;"), Rule.DROP_TABLE, 2,
				Severity.WARN);
		assertThat(offline(NEW_TABLE + "DROP TABLE audit;")).isEmpty();
	}

	@Test
	void dropThenCreateOfTheSameTableLosesItsData() {
		List<Finding> findings = offline("DROP TABLE \"orders\";\nCREATE TABLE \"orders\" (id int);\n"
				+ "CREATE INDEX orders_id_idx ON orders (id);");
		assertThat(assertFinding(findings, Rule.DROP_RECREATE_TABLE, 2, Severity.ERROR))
			.startsWith("CREATE TABLE orders after DROP TABLE orders at line 1 loses every row");
		assertThat(findings).extracting(Finding::rule).containsExactly("drop-table", "drop-recreate-table");
		assertThat(offline("CREATE TABLE scratch (id int);\nDROP TABLE scratch;\nCREATE TABLE scratch (id int);"))
			.isEmpty();
	}

	@Test
	void updateOrDeleteWithoutWhereOnAnExistingTableIsAnUnboundedBackfill() {
		List<Finding> findings = offline(NEW_TABLE + """
				UPDATE "orders" SET "region" = 'eu';
				DELETE FROM ONLY orders;
				WITH old AS (SELECT id FROM orders WHERE total = 0) UPDATE orders SET total = 1;""");
		assertThat(of(Rule.UNBOUNDED_BACKFILL, findings)).extracting(Finding::line).containsExactly(2, 3, 4);
		assertThat(findings.get(0).message()).startsWith("UPDATE orders without WHERE runs a backfill");
		assertThat(offline(NEW_TABLE + """
				UPDATE orders SET region = 'eu' WHERE region IS NULL;
				DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND c.gone;
				UPDATE audit SET note = '';
				UPDATE orders SET region = (SELECT r FROM regions WHERE regions.id = 1) WHERE id = 1;""")).isEmpty();
	}

	@Test
	void enumValueUsedInTheSameTransactionAsItsAdditionIsAnError() {
		List<Finding> findings = offline("""
				ALTER TYPE "public"."order_status" ADD VALUE 'archived' BEFORE 'deleted';
				UPDATE orders SET status = 'archived'
				 WHERE status = 'deleted';""");
		assertThat(of(Rule.ENUM_VALUE_USED_IN_SAME_MIGRATION, findings)).singleElement().satisfies((finding) -> {
			assertThat(finding.line()).isEqualTo(2);
			assertThat(finding.column()).isEqualTo(28);
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.message()).startsWith("The value 'archived', added to public.order_status by ALTER TYPE"
					+ " ... ADD VALUE at line 1 in the same transaction, cannot be used");
		});
		assertThat(offline("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived';\nCOMMIT;\n"
				+ "UPDATE orders SET status = 'archived' WHERE status = 'deleted';")).isEmpty();
		// an INSERT, which no other check reads, is looked at too once a value was added before it
		assertThat(of(Rule.ENUM_VALUE_USED_IN_SAME_MIGRATION, offline("INSERT INTO orders (status) VALUES ('archived');\n"
				+ "ALTER TYPE order_status ADD VALUE 'archived';\nINSERT INTO orders (status) VALUES ('archived');")))
			.extracting(Finding::line)
			.containsExactly(3);
		// PostgreSQL 14 refuses even a value added to a type created in the same transaction (EnumValueTests)
		assertThat(of(Rule.ENUM_VALUE_USED_IN_SAME_MIGRATION, offline("CREATE TYPE mood AS ENUM ('sad');\n"
				+ "ALTER TYPE mood ADD VALUE 'happy';\nCREATE TABLE person (m mood DEFAULT 'happy');"))).hasSize(1);
	}

}
