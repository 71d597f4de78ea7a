package dev.migrator.engine;

import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.List;

import dev.migrator.engine.lint.Suppressions;

/**
 * The statements of a migration file, read, decoded and split on first use rather than when the journal is read: an
 * up-to-date check only hashes the files, and the SQL of applied migrations never stays on the heap. The split is
 * kept softly, and dropped once the migration is applied ({@link #release()}), so a large run does not keep its SQL.
 */
final class FileStatements extends AbstractList<SqlStatement> {

	private final MigrationSource source;

	private final JournalEntry entry;

	/** The split, kept softly; {@code null} until the first use (a thousand files are hashed, few are split). */
	private SoftReference<Split> split;

	FileStatements(MigrationSource source, JournalEntry entry) {
		this.source = source;
		this.entry = entry;
	}

	@Override
	public SqlStatement get(int index) {
		return load().statements().get(index);
	}

	@Override
	public int size() {
		return load().statements().size();
	}

	/**
	 * The file's text for the lint's {@code migrator:allow} comments: kept from the split only when it may hold one
	 * ({@link Suppressions#mayHold(String)}), else empty, so most files need not be read again for the lint.
	 */
	String lintText() {
		return load().lintText();
	}

	/** Drops the split, for a migration that has been applied: its SQL is not needed again. */
	synchronized void release() {
		this.split = null;
	}

	/**
	 * The split file.
	 * @throws JournalException when the file is gone, not UTF-8, or has an unclosed string, comment or dollar quote
	 */
	private synchronized Split load() {
		Split loaded = (this.split != null) ? this.split.get() : null;
		if (loaded == null) {
			String file = this.entry.fileName();
			byte[] bytes = Journal.readFile(this.source, this.entry);
			SqlFileCheck.checkSize(file, bytes.length);
			String text = Journal.decode(file, bytes);
			loaded = new Split(StatementSplitter.split(file, text), Suppressions.mayHold(text) ? text : "");
			this.split = new SoftReference<>(loaded);
		}
		return loaded;
	}

	private record Split(List<SqlStatement> statements, String lintText) {
	}

}
