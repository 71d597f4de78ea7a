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
	 * ({@code CREATE/DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code REINDEX SCHEMA|DATABASE|SYSTEM},
	 * {@code VACUUM}, {@code ALTER SYSTEM}, {@code CREATE/DROP DATABASE|TABLESPACE},
	 * {@code DETACH PARTITION ... CONCURRENTLY}).
	 */
	public boolean requiresAutocommit() {
		List<String> k = this.keywords;
		String first = word(0);
		String second = word(1);
		return switch (first) {
			case "VACUUM" -> true;
			case "REINDEX" -> k.contains("CONCURRENTLY") || reindexesMoreThanATable();
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
	 * What makes this a statement only psql can run, or {@code null}: a psql meta-command ({@code \i}, {@code \set},
	 * {@code \copy}, ...), which psql runs itself and never sends, or a {@code COPY} from {@code STDIN} or to
	 * {@code STDOUT}, whose rows psql streams (a script carries them after the statement). A migration is sent to the
	 * server as SQL statements, with no such stream, as Drizzle's runner sends it.
	 */
	public String clientOnly() {
		if (this.sql.startsWith("\\")) {
			int end = 1;
			while (end < this.sql.length() && Character.isLetterOrDigit(this.sql.charAt(end))) {
				end++;
			}
			return "the psql meta-command " + this.sql.substring(0, end);
		}
		if (word(0).equals("COPY")) {
			if (this.keywords.contains("STDIN")) {
				return "COPY ... FROM STDIN";
			}
			if (this.keywords.contains("STDOUT")) {
				return "COPY ... TO STDOUT";
			}
		}
		return null;
	}

	/**
	 * Whether a {@code REINDEX} rebuilds a schema's, database's or system catalog's indexes, which PostgreSQL does
	 * only outside a transaction block: its kind is the first of its words that names one (options in parentheses,
	 * such as {@code VERBOSE}, come before it).
	 */
	private boolean reindexesMoreThanATable() {
		for (String word : this.keywords.subList(1, this.keywords.size())) {
			switch (word) {
				case "SCHEMA", "DATABASE", "SYSTEM":
					return true;
				case "INDEX", "TABLE":
					return false;
				default:
			}
		}
		return false;
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
