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

	private SoftReference<Loaded> loaded = new SoftReference<>(null);

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
		this.loaded = new SoftReference<>(null);
	}

	/** The file's text as it was split, while the split is kept; else empty (read the file again). */
	synchronized Optional<String> text() {
		Loaded kept = this.loaded.get();
		return (kept != null) ? Optional.of(kept.text()) : Optional.empty();
	}

	/**
	 * The split file.
	 * @throws JournalException when the file is gone, not UTF-8, or has an unclosed string, comment or dollar quote
	 */
	private synchronized List<SqlStatement> load() {
		Loaded kept = this.loaded.get();
		if (kept == null) {
			String file = this.entry.fileName();
			String text = Journal.decode(file, Journal.readFile(this.source, this.entry));
			kept = new Loaded(text, StatementSplitter.split(file, text));
			this.loaded = new SoftReference<>(kept);
		}
		return kept.statements();
	}

	/** A file's text and its statements, kept and dropped together. */
	private record Loaded(String text, List<SqlStatement> statements) {
	}

}
