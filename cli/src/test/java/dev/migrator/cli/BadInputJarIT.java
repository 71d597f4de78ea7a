package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.engine.Migrator;
import dev.migrator.engine.MigratorSettings;
import dev.migrator.testsupport.DatabaseState;
import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue through the command line, for what only a process shows: a migration file the user may
 * not read, and option values that would carry SQL into the history table's name. Each is refused naming the file
 * or option, with its exit code, and nothing is written (the rest of the catalogue: core's Bad*Tests).
 */
class BadInputJarIT {

	private static final int NOBODY = 65534;

	@TempDir
	Path dir;

	private TestDatabase db;

	private MigrationsFolder folder;

	private List<String> before;

	@BeforeEach
	void oneMigrationApplied() {
		this.db = TestPostgres.newDatabase("cli_bad");
		this.folder = MigrationsFolder.in(this.dir.resolve("m")).add("0000_init", "CREATE TABLE kept (id int);");
		new Migrator(this.db.dataSource(), MigratorSettings.defaults(this.folder.location()), (ClassLoader) null).migrate();
		this.before = DatabaseState.of(this.db);
	}

	private String[] migrate(String... more) {
		List<String> args = new ArrayList<>(List.of("migrate", "--dir", this.folder.path().toString()));
		args.addAll(MigratorJar.connection(this.db));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	@Test
	void fileTheUserMayNotRead() throws Exception {
		this.folder.add("0001_secret", "CREATE TABLE never (id int);");
		Path secret = this.folder.path().resolve("0001_secret.sql");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
		// root reads any file, so as root the jar runs as nobody, who may read everything else of the folder
		boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		List<String> prefix = List.of();
		if (root) {
			Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			prefix = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
		}
		MigratorJar.Result result = MigratorJar.startAs(prefix, this.dir, migrate()).result();
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("error: Cannot read 0001_secret.sql in file:" + this.folder.path() + ": ")
			.contains("0001_secret.sql")
			.contains("action: Check that the file is readable.");
		assertThat(DatabaseState.of(this.db)).isEqualTo(this.before);
	}

	@Test
	void schemaOptionThatWouldInjectSql() throws Exception {
		MigratorJar.Result result = MigratorJar.run(this.dir, Map.of(),
				migrate("--schema", "drizzle\"; DROP TABLE kept; --"));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("error: --schema 'drizzle\"; DROP TABLE kept; --' is not a plain SQL"
				+ " identifier: use 1 to 63 letters, digits, '_' or '$', not starting with a digit");
		assertThat(DatabaseState.of(this.db)).isEqualTo(this.before);
	}

	@Test
	void tableOptionThatWouldInjectSql() throws Exception {
		MigratorJar.Result result = MigratorJar.run(this.dir, Map.of(), migrate("--table", "x;drop table kept"));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("error: --table 'x;drop table kept' is not a plain SQL identifier");
		assertThat(DatabaseState.of(this.db)).isEqualTo(this.before);
	}

}
