package dev.migrator.engine;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.List;

/**
 * The statements of a migration file, read, decoded and split on first use rather than when the journal is read: an
 * up-to-date check only hashes the files, and the SQL of applied migrations never stays on the heap. The split is
 * kept softly, and dropped once the migration is applied ({@link #release()}), so a large run does not keep its SQL.
 */
final class FileStatements extends AbstractList<SqlStatement> {

	private final MigrationSource source;

	private final JournalEntry entry;

	private SoftReference<List<SqlStatement>> statements = new SoftReference<>(null);

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
	}

	/**
	 * The split file.
	 * @throws JournalException when the file is gone, not UTF-8, or has an unclosed string, comment or dollar quote
	 */
	private synchronized List<SqlStatement> load() {
		List<SqlStatement> loaded = this.statements.get();
		if (loaded == null) {
			String file = this.entry.fileName();
			loaded = StatementSplitter.split(file, Journal.decode(file, Journal.readFile(this.source, this.entry)));
			this.statements = new SoftReference<>(loaded);
		}
		return loaded;
	}

}
