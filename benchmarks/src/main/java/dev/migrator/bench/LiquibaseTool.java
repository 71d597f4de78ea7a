package dev.migrator.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase with its defaults (one transaction per changeset) on {@code changelog.sql}, built as Spring's
 * {@code SpringLiquibase} builds it: a connection from the data source, the database found for it, the console
 * output sent to the log, then {@code update}.
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
		liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
		return new Session() {

			@Override
			public void run() throws Exception {
				// SpringLiquibase's defaults: messages and the summary to the log, not to the console
				Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
						() -> liquibase.update(new Contexts(), new LabelExpression()));
			}

			@Override
			public void close() throws Exception {
				liquibase.close();
			}

		};
	}

}
