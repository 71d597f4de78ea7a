package dev.migrator.engine;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a migration file, read, decoded and split on first use rather than when the journal is read: an
 * up-to-date check only hashes the files, and the SQL of applied migrations never stays on the heap. The split is
 * kept softly, and dropped once the migration is applied ({@link #release()}), so a large run does not keep its SQL.
 */
final class FileStatements extends AbstractList<SqlStatement> {

	private final MigrationSource source;

	private final JournalEntry entry;

	private SoftReference<List<SqlStatement>> statements = new SoftReference<>(null);

	/** The text the statements were split from, until the lint has taken it. */
	private SoftReference<String> text = new SoftReference<>(null);

	FileStatements(MigrationSource source, JournalEntry entry) {
		this.source = source;
		this.entry = entry;
	}

	@Override
	public SqlStatement get(int index) {
		return load().get(index);
	}

	@Override
	public int size() {
		return load().size();
	}

	/** Drops the split, for a migration that has been applied: its SQL is not needed again. */
	synchronized void release() {
		this.statements = new SoftReference<>(null);
		this.text = new SoftReference<>(null);
	}

	/**
	 * The file's text as it was split, once: it is dropped when taken, so only the statements stay until the
	 * migration is applied. Empty when the file has not been split or the text was taken (read the file again).
	 */
	synchronized Optional<String> takeText() {
		String kept = this.text.get();
		this.text = new SoftReference<>(null);
		return Optional.ofNullable(kept);
	}

	/**
	 * The split file.
	 * @throws JournalException when the file is gone, not UTF-8, or has an unclosed string, comment or dollar quote
	 */
	private synchronized List<SqlStatement> load() {
		List<SqlStatement> loaded = this.statements.get();
		if (loaded == null) {
			String file = this.entry.fileName();
			String decoded = Journal.decode(file, Journal.readFile(this.source, this.entry));
			loaded = StatementSplitter.split(file, decoded);
			this.statements = new SoftReference<>(loaded);
			this.text = new SoftReference<>(decoded);
		}
		return loaded;
	}

}
