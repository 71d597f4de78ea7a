package dev.migrator.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase with its defaults (one transaction per changeset) on {@code changelog.sql}, built as Spring's
 * {@code SpringLiquibase} builds it: a connection from the data source, the database found for it, then
 * {@code update}.
 */
final class LiquibaseTool implements JavaTool {

	/** Liquibase logs through java.util.logging; held here because that API keeps its loggers only weakly. */
	private static final Logger LOGGER = Logger.getLogger("liquibase");

	static {
		LOGGER.setLevel(Level.WARNING);
	}

	@Override
	public Session open(DataSource dataSource, Path input) throws Exception {
		Connection connection = dataSource.getConnection();
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		Liquibase liquibase = new Liquibase("changelog.sql", new DirectoryResourceAccessor(input), database);
		return new Session() {

			@Override
			public void run() throws Exception {
				liquibase.update(new Contexts(), new LabelExpression());
			}

			@Override
			public void close() throws Exception {
				liquibase.close();
			}

		};
	}

}
