package dev.migrator.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.migrator.testsupport.MigrationsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hashing stage with several workers, which this project's 2-core machine never picks by itself: the same hashes
 * in the same order as one worker, the first entry's problem when files are missing, and a worker's Error as it is.
 */
class FileHasherTests {

	private static final int FILES = 700;

	@TempDir
	Path dir;

	@Test
	void severalWorkersGiveOneWorkersHashesInJournalOrder() {
		MigrationSource source = folder();
		List<JournalEntry> entries = JournalFile.parse(source);
		List<Migration> alone = FileHasher.hashAll(source, entries, 1);
		List<Migration> together = FileHasher.hashAll(source, entries, 4);
		assertThat(together).extracting(Migration::tag).isEqualTo(alone.stream().map(Migration::tag).toList());
		assertThat(together).extracting(Migration::hash).isEqualTo(alone.stream().map(Migration::hash).toList());
		assertThat(together.get(FILES - 1).hash())
			.isEqualTo(Hashes.sha256(("SELECT " + (FILES - 1) + ";\n").getBytes()));
	}

	@Test
	void severalWorkersReportTheFirstMissingFileAsOneWorkerWould() throws Exception {
		MigrationSource source = folder();
		Files.delete(this.dir.resolve(tag(650) + ".sql"));
		Files.delete(this.dir.resolve(tag(41) + ".sql"));
		List<JournalEntry> entries = JournalFile.parse(source);
		for (int workers : new int[] { 1, 3, 8 }) {
			assertThatExceptionOfType(JournalException.class)
				.isThrownBy(() -> FileHasher.hashAll(source, entries, workers))
				.withMessageContaining("has no file " + tag(41) + ".sql");
		}
	}

	@Test
	void anErrorOnAWorkerReachesTheCallerAsItIs() {
		MigrationSource folder = folder();
		List<JournalEntry> entries = JournalFile.parse(folder);
		StackOverflowError thrown = new StackOverflowError("thrown while reading " + tag(300) + ".sql");
		MigrationSource failing = new MigrationSource() {

			@Override
			public Optional<byte[]> read(String relativePath) throws IOException {
				if (relativePath.equals(tag(300) + ".sql")) {
					throw thrown;
				}
				return folder.read(relativePath);
			}

			@Override
			public List<String> files() throws IOException {
				return folder.files();
			}

			@Override
			public String description() {
				return folder.description();
			}

		};
		for (int workers : new int[] { 1, 3 }) {
			assertThatThrownBy(() -> FileHasher.hashAll(failing, entries, workers)).isSameAs(thrown);
		}
	}

	@Test
	void filesAreHashedInPiecesAsTheirWholeBytesAndAMissingFileOrAFolderIsTold() throws Exception {
		// larger than a read buffer, an exact multiple of one, empty, and with bytes that are not UTF-8 (the hash is
		// the bytes', whatever they are)
		byte[] large = new byte[3 * 8192 + 17];
		byte[] multiple = new byte[2 * 8192];
		for (int i = 0; i < large.length; i++) {
			large[i] = (byte) (i * 31 + 7);
		}
		System.arraycopy(large, 0, multiple, 0, multiple.length);
		MigrationsFolder folder = MigrationsFolder.in(this.dir)
			.add("0000_large", MigrationsFolder.FIRST_WHEN, large)
			.add("0001_multiple", MigrationsFolder.FIRST_WHEN + 1, multiple)
			.add("0002_empty", MigrationsFolder.FIRST_WHEN + 2, new byte[0]);
		MigrationSource source = MigrationSource.of(folder.location(), null);
		assertThat(FileHasher.hashAll(source, JournalFile.parse(source), 1)).extracting(Migration::hash)
			.containsExactly(Hashes.sha256(large), Hashes.sha256(multiple), Hashes.sha256(new byte[0]));
		assertThat(source.digest("9999_none.sql", Sha256.newDigest(), new byte[8192])).isEqualTo(-1);
		Files.createDirectories(this.dir.resolve("0003_folder.sql"));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> source.digest("0003_folder.sql", Sha256.newDigest(), new byte[8192]));
		folder.addEntryOnly("0003_folder", MigrationsFolder.FIRST_WHEN + 3);
		assertThatExceptionOfType(JournalException.class)
			.isThrownBy(() -> FileHasher.hashAll(source, JournalFile.parse(source), 1))
			.withMessageStartingWith("Cannot read 0003_folder.sql in " + folder.location() + ": ");
	}

	private MigrationSource folder() {
		MigrationsFolder folder = MigrationsFolder.in(this.dir);
		for (int i = 0; i < FILES; i++) {
			folder.add(tag(i), MigrationsFolder.FIRST_WHEN + i, "SELECT " + i + ";\n");
		}
		return MigrationSource.of(folder.location(), null);
	}

	private static String tag(int i) {
		return String.format("%04d_step", i);
	}

}
