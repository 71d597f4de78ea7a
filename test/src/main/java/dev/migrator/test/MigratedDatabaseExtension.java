package dev.migrator.test;

import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrator.engine.MigratorSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test class, or each test method, a fresh database with every migration applied
 * ({@link TemplateDatabases}). Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MigratedDatabaseExtension db = MigratedDatabaseExtension
 *     .on(() -> PostgresServer.of(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()))
 *     .location("classpath:db/migrations");
 *
 * @Test
 * void savesAnOrder(DataSource dataSource) { ... }   // or db.database(), db.dataSource()
 * }</pre>
 *
 * The database is dropped after the class (or the method, with {@link #perMethod()}). Test methods may take a
 * {@link MigratedDatabase} or a {@link DataSource} parameter.
 */
public final class MigratedDatabaseExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final Supplier<PostgresServer> server;

	private final MigratorSettings settings;

	private final boolean perMethod;

	private volatile MigratedDatabase current;

	private MigratedDatabaseExtension(Supplier<PostgresServer> server, MigratorSettings settings, boolean perMethod) {
		this.server = server;
		this.settings = settings;
		this.perMethod = perMethod;
	}

	/**
	 * An extension for databases on a server, migrated from {@code classpath:db/migrations} with the default history
	 * table, one database per test class.
	 * @param server the server, asked when the first database is needed (so a container may start first)
	 * @return the extension
	 */
	public static MigratedDatabaseExtension on(Supplier<PostgresServer> server) {
		return new MigratedDatabaseExtension(server, MigratorSettings.defaults(MigratorSettings.DEFAULT_LOCATION), false);
	}

	/** The same, migrated from another folder ({@code classpath:} or {@code file:}). */
	public MigratedDatabaseExtension location(String location) {
		return withSettings(MigratorSettings.defaults(location)
			.withHistoryTable(this.settings.schema(), this.settings.table())
			.withPolicy(this.settings.policy()));
	}

	/** The same, with the settings the application migrates with (history table, policy). */
	public MigratedDatabaseExtension withSettings(MigratorSettings settings) {
		return new MigratedDatabaseExtension(this.server, settings, this.perMethod);
	}

	/** The same, with a fresh database for each test method instead of each class. */
	public MigratedDatabaseExtension perMethod() {
		return new MigratedDatabaseExtension(this.server, this.settings, true);
	}

	/** The current test's database. */
	public MigratedDatabase database() {
		MigratedDatabase database = this.current;
		if (database == null) {
			throw new IllegalStateException("No migrated database outside a test: register the extension with"
					+ " @RegisterExtension on a static field (or a field, for a database per method)");
		}
		return database;
	}

	/** A non-pooling DataSource of the current test's database. */
	public DataSource dataSource() {
		return database().dataSource();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!this.perMethod) {
			this.current = TemplateDatabases.create(this.server.get(), this.settings, classLoader(context));
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.perMethod || this.current == null) {
			this.current = TemplateDatabases.create(this.server.get(), this.settings, classLoader(context));
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.perMethod) {
			dropCurrent();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		dropCurrent();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MigratedDatabase.class || type == DataSource.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return (parameter.getParameter().getType() == DataSource.class) ? dataSource() : database();
	}

	private void dropCurrent() {
		MigratedDatabase database = this.current;
		this.current = null;
		if (database != null) {
			TemplateDatabases.drop(database);
		}
	}

	private static ClassLoader classLoader(ExtensionContext context) {
		return context.getRequiredTestClass().getClassLoader();
	}

}
