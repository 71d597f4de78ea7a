package dev.migrator.engine;

import java.util.List;

/**
 * One statement of a migration file, as it is sent to PostgreSQL.
 *
 * @param number 1-based position in its file
 * @param sql the statement's text, without the terminating {@code ;}
 * @param line 1-based line in the file where it starts
 * @param column 1-based column in that line
 * @param keywords its unquoted words outside strings and comments, upper-cased, in order
 */
public record SqlStatement(int number, String sql, int line, int column, List<String> keywords) {

	/**
	 * Whether PostgreSQL refuses to run this statement inside a transaction block
	 * ({@code CREATE/DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code VACUUM},
	 * {@code ALTER SYSTEM}, {@code CREATE/DROP DATABASE|TABLESPACE}, {@code DETACH PARTITION ... CONCURRENTLY}).
	 */
	public boolean requiresAutocommit() {
		List<String> k = this.keywords;
		String first = word(0);
		String second = word(1);
		return switch (first) {
			case "VACUUM" -> true;
			case "REINDEX" -> k.contains("CONCURRENTLY");
			case "CREATE" -> second.equals("DATABASE") || second.equals("TABLESPACE")
					|| (second.equals("INDEX") && word(2).equals("CONCURRENTLY"))
					|| (second.equals("UNIQUE") && word(2).equals("INDEX") && word(3).equals("CONCURRENTLY"));
			case "DROP" -> second.equals("DATABASE") || second.equals("TABLESPACE")
					|| (second.equals("INDEX") && word(2).equals("CONCURRENTLY"));
			case "ALTER" -> second.equals("SYSTEM") || (second.equals("TABLE") && k.contains("DETACH")
					&& k.subList(k.indexOf("DETACH"), k.size()).contains("CONCURRENTLY"));
			default -> false;
		};
	}

	/**
	 * Whether this statement surely returns no rows, judged by its first word: DDL, {@code DO}, settings, and
	 * {@code INSERT}/{@code UPDATE}/{@code DELETE}/{@code MERGE} without {@code RETURNING}. Such a statement runs to
	 * its end however many rows a client asks for; a {@code SELECT} (which may call a function for every row),
	 * {@code WITH}, {@code CALL}, {@code EXPLAIN}, anything else, and a function with a {@code BEGIN ATOMIC} body
	 * (whose inner {@code ;} a driver might split at) are not counted among them.
	 */
	public boolean returnsNoRows() {
		return switch (word(0)) {
			case "CREATE" -> !(this.keywords.contains("ATOMIC") && this.keywords.contains("BEGIN"));
			case "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "DO", "SET", "RESET", "LOCK", "REFRESH",
					"REINDEX", "CLUSTER", "ANALYZE", "SECURITY", "NOTIFY", "REASSIGN", "IMPORT" ->
				true;
			case "INSERT", "UPDATE", "DELETE", "MERGE" -> !this.keywords.contains("RETURNING");
			default -> false;
		};
	}

	/**
	 * What this statement does to the transaction when it stands at the top level of a file: {@code BEGIN}/
	 * {@code START TRANSACTION} opens one, {@code COMMIT}/{@code END} and {@code ROLLBACK}/{@code ABORT} close one
	 * ({@code ROLLBACK TO SAVEPOINT} and the {@code PREPARED} forms are ordinary statements).
	 */
	public TransactionControl transactionControl() {
		String first = word(0);
		String second = word(1);
		return switch (first) {
			case "BEGIN" -> TransactionControl.BEGIN;
			case "START" -> second.equals("TRANSACTION") ? TransactionControl.BEGIN : TransactionControl.NONE;
			case "COMMIT", "END" -> second.equals("PREPARED") ? TransactionControl.NONE : TransactionControl.COMMIT;
			case "ROLLBACK", "ABORT" -> (second.equals("PREPARED") || this.keywords.contains("TO"))
					? TransactionControl.NONE : TransactionControl.ROLLBACK;
			default -> TransactionControl.NONE;
		};
	}

	/** Whether a {@code COMMIT} or {@code ROLLBACK} says {@code AND CHAIN}: the next transaction opens at once. */
	public boolean chainsTransaction() {
		int and = this.keywords.indexOf("AND");
		return and > 0 && word(and + 1).equals("CHAIN");
	}

	/** A top-level statement's effect on the transaction. */
	public enum TransactionControl {

		/** An ordinary statement. */
		NONE,

		/** Opens a transaction. */
		BEGIN,

		/** Commits the open transaction. */
		COMMIT,

		/** Discards the open transaction. */
		ROLLBACK

	}

	/** {@code line:column}, for messages. */
	public String position() {
		return this.line + ":" + this.column;
	}

	/**
	 * One of its words.
	 * @param index the word's place, from 0
	 * @return the word, upper-cased, or {@code ""} past the last
	 */
	public String word(int index) {
		return index < this.keywords.size() ? this.keywords.get(index) : "";
	}

}
