package dev.migrator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code CREATE INDEX CONCURRENTLY} from recording a migration whose index is unusable. A failed or cancelled
 * concurrent build leaves an INVALID index behind; with {@code IF NOT EXISTS} a retry would then "succeed" at once.
 * Steps, around each such statement:
 * <ol>
 * <li>before: an INVALID index of that name on that table is dropped with {@code DROP INDEX CONCURRENTLY} (when
 * allowed, else the run stops naming it);</li>
 * <li>after: the index must exist and be valid ({@code pg_index.indisvalid}), else the migration fails unrecorded;</li>
 * <li>on failure: the message names an INVALID index the failed build left.</li>
 * </ol>
 */
final class IndexGuard {

	private static final Logger logger = LoggerFactory.getLogger(IndexGuard.class);

	private static final String LOOKUP = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), i.indisvalid"
			+ " FROM pg_class t JOIN pg_class c ON c.relnamespace = t.relnamespace AND c.relname = ?"
			+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " JOIN pg_index i ON i.indexrelid = c.oid WHERE t.oid = to_regclass(?)";

	private final boolean dropInvalid;

	IndexGuard(boolean dropInvalid) {
		this.dropInvalid = dropInvalid;
	}

	/** Drops an INVALID leftover of the index the statement creates, or refuses to go on. */
	void before(Connection connection, Migration migration, SqlStatement statement) throws SQLException {
		Optional<ConcurrentIndex> index = ConcurrentIndex.of(statement);
		if (index.isEmpty()) {
			return;
		}
		Optional<State> state = state(connection, index.get());
		if (state.isEmpty() || state.get().valid()) {
			return;
		}
		String invalid = state.get().qualifiedName();
		if (!this.dropInvalid) {
			throw new MigrationFailedException(migration.tag(), null, "Migration " + migration.tag() + " would build "
					+ invalid + " (statement " + statement.number() + " of " + migration.entry().fileName() + "), but an"
					+ " INVALID index of that name is left from an earlier failed attempt; nothing of "
					+ migration.tag() + " ran", "Drop it (DROP INDEX CONCURRENTLY " + invalid + ") and run again, or set"
							+ " migrator.drop-invalid-indexes=true to let Migrator do that.",
					null);
		}
		logger.warn("Dropping INVALID index {}, left by an earlier failed attempt, before {} builds it again", invalid,
				migration.tag());
		try (Statement drop = connection.createStatement()) {
			drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + invalid);
		}
	}

	/**
	 * The problem with the index the statement created, or {@code null} when it is valid (or the statement creates
	 * none this guard can name).
	 */
	String after(Connection connection, SqlStatement statement) throws SQLException {
		Optional<ConcurrentIndex> index = ConcurrentIndex.of(statement);
		if (index.isEmpty()) {
			return null;
		}
		Optional<State> state = state(connection, index.get());
		if (state.isEmpty()) {
			return "index " + index.get().name() + " does not exist after it";
		}
		return state.get().valid() ? null : "index " + state.get().qualifiedName() + " is INVALID after it";
	}

	/** The INVALID index a failed statement left, for the error message, or {@code null}. */
	String leftInvalid(Connection connection, SqlStatement statement) {
		try {
			Optional<ConcurrentIndex> index = ConcurrentIndex.of(statement);
			Optional<State> state = index.isPresent() ? state(connection, index.get()) : Optional.empty();
			return state.filter((s) -> !s.valid()).map(State::qualifiedName).orElse(null);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static Optional<State> state(Connection connection, ConcurrentIndex index) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(LOOKUP)) {
			query.setString(1, index.name());
			query.setString(2, index.table());
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? Optional.of(new State(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
			}
		}
	}

	private record State(String qualifiedName, boolean valid) {
	}

}
