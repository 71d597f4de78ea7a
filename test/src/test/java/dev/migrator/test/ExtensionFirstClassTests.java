package dev.migrator.test;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@link ExtensionSecondClassTests}: two classes, two databases, one template migration. */
class ExtensionFirstClassTests {

	@RegisterExtension
	static MigratedDatabaseExtension db = MigratedDatabaseExtension.on(TestServer::server);

	@Test
	void hasTheMigratedSchema(DataSource dataSource) throws SQLException {
		IsolationChecks.hasTheMigratedSchema(dataSource);
	}

	@Test
	void seesNoDataOfOtherClasses(MigratedDatabase database) throws SQLException {
		assertThat(database.name()).startsWith("migrator_test_");
		assertThat(database.template()).startsWith("migrator_tpl_");
		IsolationChecks.seesNoDataOfOtherClasses(database.dataSource(), getClass());
	}

}
