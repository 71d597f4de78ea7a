package dev.migrator.engine.lint;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Facts for a lint run before the database answers ({@link Linter#lintAhead}): every table asked about is taken to be
 * missing from the database, as in a new database, where a run creates every table it touches, and each one asked
 * about is remembered. The findings stand when the live facts give the same answers ({@link #confirmedBy}): a missing
 * table has no rows and no size, so the tables asked about must all be missing. They are confined to the thread that
 * lints, then read once that thread is done.
 */
final class AssumedFacts implements DatabaseFacts {

	private final Set<TableName> asked = new HashSet<>();

	@Override
	public boolean live() {
		return true;
	}

	@Override
	public boolean tableExists(TableName table) {
		this.asked.add(table);
		return false;
	}

	@Override
	public OptionalLong liveRows(TableName table) {
		this.asked.add(table);
		return OptionalLong.empty();
	}

	@Override
	public OptionalLong totalBytes(TableName table) {
		this.asked.add(table);
		return OptionalLong.empty();
	}

	/**
	 * Whether other facts answer every question as these did: they come from a database, and none of the tables
	 * asked about exists there.
	 */
	boolean confirmedBy(DatabaseFacts facts) {
		return facts.live() && this.asked.stream().noneMatch(facts::tableExists);
	}

}
