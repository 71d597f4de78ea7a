package dev.migrator.engine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migrations folder on the classpath, in a directory or inside a jar (a plain jar or Spring Boot's nested one).
 * The folder is the one whose {@code meta/_journal.json} the class loader finds first, or else the folder itself
 * (Drizzle 1.0's layout has no journal); files are read relative to it, and it is listed through the file system or
 * the jar's entries. Where it can be neither (a native image serves {@code resource:} URLs), the journal names the
 * files, and files it does not list go unnoticed.
 */
final class ClasspathSource implements MigrationSource {

	private static final Logger logger = LoggerFactory.getLogger(ClasspathSource.class);

	private static final String JOURNAL = "meta/_journal.json";

	private final String description;

	private final String folder;

	private final ClassLoader classLoader;

	ClasspathSource(String description, String folder, ClassLoader classLoader) {
		this.description = description;
		String trimmed = folder.replaceAll("^/+", "");
		this.folder = trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
		this.classLoader = classLoader;
	}

	@Override
	public Optional<byte[]> read(String relativePath) throws IOException {
		URL base = baseUrl();
		if (base == null) {
			return Optional.empty();
		}
		try (InputStream in = new URL(base, relativePath).openStream()) {
			return Optional.of(in.readAllBytes());
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public List<String> files() throws IOException {
		URL base = baseUrl();
		if (base == null) {
			return List.of();
		}
		if ("file".equals(base.getProtocol())) {
			Path folder = Path.of(toUri(base));
			try (Stream<Path> files = Files.walk(folder, 2)) {
				return files.filter(Files::isRegularFile)
					.map((file) -> folder.relativize(file).toString().replace('\\', '/'))
					.sorted()
					.toList();
			}
		}
		// the journal's own entry surely exists and names the folder plainly; a jar may lack directory entries
		URL journal = this.classLoader.getResource(this.folder + JOURNAL);
		URLConnection connection = (journal != null) ? journal.openConnection() : base.openConnection();
		if (connection instanceof JarURLConnection jar) {
			jar.setUseCaches(false);
			String prefix = (jar.getEntryName() == null) ? "" : jar.getEntryName();
			prefix = (journal != null) ? prefix.substring(0, prefix.length() - JOURNAL.length()) : prefix;
			prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
			List<String> names = new ArrayList<>();
			try (JarFile file = jar.getJarFile()) {
				for (JarEntry entry : Collections.list(file.entries())) {
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(prefix)
							&& name.chars().skip(prefix.length()).filter((c) -> c == '/').count() <= 1) {
						names.add(name.substring(prefix.length()));
					}
				}
			}
			return names.stream().sorted().toList();
		}
		if (journal != null) {
			logger.debug("Cannot list {} (neither a directory nor a jar, as in a native image): reading the files"
					+ " {} names; the check for .sql files it does not list is skipped", base, JOURNAL);
			return journaled();
		}
		throw new IOException("the class loader serves " + base + ", which is neither a directory nor a jar and cannot"
				+ " be listed (as in a native image), and there is no " + JOURNAL + " to name the files: Drizzle 1.0's"
				+ " folder layout needs a location that can be listed, such as a file: one");
	}

	/** The journal and the files its entries name, for a folder that cannot be listed. */
	private List<String> journaled() {
		List<String> files = new ArrayList<>();
		files.add(JOURNAL);
		JournalFile.parse(this).forEach((entry) -> files.add(entry.fileName()));
		return files.stream().sorted().toList();
	}

	@Override
	public String description() {
		return this.description;
	}

	/** The folder: found through its journal, whose entry a jar surely has, else through its own entry. */
	private URL baseUrl() throws IOException {
		URL journal = this.classLoader.getResource(this.folder + JOURNAL);
		if (journal != null) {
			return new URL(journal, "../");
		}
		return this.folder.isEmpty() ? null : this.classLoader.getResource(this.folder);
	}

	private static URI toUri(URL url) throws IOException {
		try {
			return url.toURI();
		}
		catch (URISyntaxException ex) {
			throw new IOException("Bad classpath URL " + url, ex);
		}
	}

}
