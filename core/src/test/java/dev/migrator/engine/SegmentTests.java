package dev.migrator.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SegmentTests {

	private static List<Segment> segments(String sql) {
		return Segment.of(StatementSplitter.split("f.sql", sql));
	}

	/** Each segment as {@code T[1,2]}, {@code A[4]} or {@code R[2]} (rolled back), by statement number. */
	private static List<String> shape(String sql) {
		return segments(sql).stream()
			.map((segment) -> (segment.rollback() ? "R" : segment.transactional() ? "T" : "A")
					+ segment.statements().stream().map(SqlStatement::number).toList())
			.toList();
	}

	@Test
	void aBeginThatOpensATransactionGivesItItsModes() {
		assertThat(segments("COMMIT; BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT 1; COMMIT; SELECT 2;"))
			.extracting(Segment::transactional, Segment::modes)
			.containsExactly(tuple(true, "ISOLATION LEVEL SERIALIZABLE"), tuple(false, ""));
		assertThat(segments("COMMIT; start transaction read only; SELECT 1;")).extracting(Segment::modes)
			.containsExactly("read only");
		assertThat(segments("COMMIT; BEGIN WORK; SELECT 1; COMMIT;")).extracting(Segment::modes).containsExactly("");
		assertThat(segments("COMMIT; BEGIN /* opens */ -- here\r; SELECT 1; COMMIT;")).extracting(Segment::modes)
			.containsExactly("");
		assertThat(segments("COMMIT; BEGIN -- strict\n ISOLATION LEVEL SERIALIZABLE; SELECT 1;")).extracting(Segment::modes)
			.containsExactly("ISOLATION LEVEL SERIALIZABLE");
		assertThat(segments("COMMIT; BEGIN READ ONLY; SELECT 1; COMMIT AND CHAIN; SELECT 2; COMMIT;"))
			.extracting(Segment::modes, Segment::readOnly)
			.containsExactly(tuple("READ ONLY", true), tuple("READ ONLY", true));
		assertThat(segments("SET TRANSACTION READ ONLY; SET TRANSACTION ISOLATION LEVEL SERIALIZABLE; SELECT 1;"))
			.extracting(Segment::leadingTransactionSettings, Segment::readOnly)
			.containsExactly(tuple(2, true));
		// inside the migration's own transaction a BEGIN changes nothing, as in drizzle-orm's
		assertThat(segments("BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT 1; COMMIT;")).extracting(Segment::modes)
			.containsExactly("");
	}

	@Test
	void plainFileIsOneTransaction() {
		assertThat(shape("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);")).containsExactly("T[1, 2]");
	}

	@Test
	void fileOfOnlyConcurrentStatementsIsOneAutocommitSegment() {
		assertThat(shape("CREATE INDEX CONCURRENTLY i ON a (id);\nVACUUM a;")).containsExactly("A[1, 2]");
	}

	@Test
	void emptyFileIsOneEmptyTransaction() {
		assertThat(shape("-- nothing here\n")).containsExactly("T[]");
	}

	@Test
	void commitThenConcurrentIndexRunsTheIndexInAutocommit() {
		assertThat(shape("COMMIT;--> statement-breakpoint\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON a (id);"))
			.containsExactly("A[2]");
		assertThat(shape("ALTER TABLE a ADD b int;\nCOMMIT;\nCREATE UNIQUE INDEX CONCURRENTLY i ON a (b);\n"
				+ "CREATE INDEX CONCURRENTLY j ON a (id);")).containsExactly("T[1]", "A[3, 4]");
	}

	@Test
	void beginAndCommitAroundDataChangesOpenANewTransaction() {
		assertThat(shape("COMMIT;\nCREATE INDEX CONCURRENTLY i ON a (id);\nBEGIN;\nUPDATE a SET id = 1;\n"
				+ "UPDATE a SET id = 2;\nCOMMIT;")).containsExactly("A[2]", "T[4, 5]");
	}

	@Test
	void beginInsideTheTransactionAndCommitOutsideOneChangeNothing() {
		assertThat(shape("BEGIN;\nUPDATE a SET id = 1;\nCOMMIT;")).containsExactly("T[2]");
		assertThat(shape("UPDATE a SET id = 1;\nCOMMIT;\nCOMMIT;\nUPDATE a SET id = 2;\nEND;"))
			.containsExactly("T[1]", "A[4]");
		assertThat(shape("START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nUPDATE a SET id = 1;\nEND TRANSACTION;"))
			.containsExactly("T[2]");
	}

	@Test
	void rollbackDiscardsItsTransactionAndChainOpensTheNext() {
		assertThat(shape("UPDATE a SET id = 1;\nROLLBACK;\nUPDATE a SET id = 2;")).containsExactly("R[1]", "A[3]");
		assertThat(shape("UPDATE a SET id = 1;\nCOMMIT AND CHAIN;\nUPDATE a SET id = 2;")).containsExactly("T[1]", "T[3]");
		assertThat(shape("UPDATE a SET id = 1;\nABORT;\nUPDATE a SET id = 2;")).containsExactly("R[1]", "A[3]");
	}

	@Test
	void savepointsPreparedTransactionsAndBodiesAreOrdinaryStatements() {
		assertThat(shape("SAVEPOINT s;\nUPDATE a SET id = 1;\nROLLBACK TO SAVEPOINT s;\nRELEASE s;"))
			.containsExactly("T[1, 2, 3, 4]");
		assertThat(shape("COMMIT PREPARED 'x';")).containsExactly("T[1]");
		assertThat(shape("DO $$ BEGIN COMMIT; END $$;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
				+ "BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; END;\nCOMMENT ON TABLE a IS 'COMMIT; BEGIN;';"))
			.containsExactly("T[1, 2, 3]");
	}

	@Test
	void concurrentStatementInsideATransactionIsMisplaced() {
		Migration migration = new Migration(new JournalEntry(0, 1, "0000_x", true), "h",
				StatementSplitter.split("0000_x.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY i ON a (id);\nCOMMIT;"));
		assertThat(migration.misplaced()).extracting(SqlStatement::number).containsExactly(2);
		assertThat(migration.execution()).isEqualTo(Migration.Execution.SEGMENTED);
		Migration plain = new Migration(new JournalEntry(0, 1, "0000_x", true), "h",
				StatementSplitter.split("0000_x.sql", "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY i ON a (id);"));
		assertThat(plain.misplaced()).extracting(SqlStatement::number).containsExactly(2);
		assertThat(plain.execution()).isEqualTo(Migration.Execution.TRANSACTION);
	}

}
