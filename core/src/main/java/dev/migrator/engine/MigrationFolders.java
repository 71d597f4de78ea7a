package dev.migrator.engine;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Drizzle Kit 1.0's layout: one {@code <YYYYMMDDHHMMSS>_<name>/} folder per migration, holding {@code migration.sql}
 * (and drizzle-kit's {@code snapshot.json}); no journal. Read as drizzle-orm 1.0 reads it:
 * <ol>
 * <li>a migration is a direct sub-folder that holds {@code migration.sql}, and its name is the folder's name;</li>
 * <li>the order is the folder names' order under JavaScript's {@code localeCompare} (the root collation);</li>
 * <li>its {@code created_at} is the name's first 14 characters read as a UTC time, in whole seconds.</li>
 * </ol>
 * A {@code .sql} file beside the folders, or a folder without {@code migration.sql}, is a stray: never run.
 */
final class MigrationFolders {

	static final String FILE = "migration.sql";

	private static final Pattern TIMESTAMPED = Pattern.compile("\\d{14}.*");

	private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private MigrationFolders() {
	}

	/** The migration folders among the files of a location (paths relative to it, {@code /}-separated). */
	static List<String> folders(Collection<String> files) {
		List<String> folders = new ArrayList<>();
		for (String file : files) {
			int slash = file.indexOf('/');
			if (slash > 0 && file.substring(slash + 1).equals(FILE)) {
				folders.add(file.substring(0, slash));
			}
		}
		Collator collator = Collator.getInstance(Locale.ROOT);
		folders.sort(collator::compare);
		return folders;
	}

	/**
	 * The migrations of the folders, in drizzle-orm 1.0's order.
	 * @param location the location, for messages
	 * @param folders the migration folders, as {@link #folders(Collection)} returns them
	 * @return one entry per folder
	 * @throws JournalException for a folder whose name does not start with a timestamp
	 */
	static List<JournalEntry> entries(String location, List<String> folders) {
		List<JournalEntry> entries = new ArrayList<>();
		for (String folder : folders) {
			if (!TIMESTAMPED.matcher(folder).matches()) {
				throw new JournalException("Folder " + folder + "/ in " + location + " holds " + FILE + " but its name"
						+ " does not start with a YYYYMMDDHHMMSS timestamp, which Drizzle 1.0 records as its created_at",
						"Rename it to <YYYYMMDDHHMMSS>_<name> (UTC, as drizzle-kit generate names folders), newer than"
								+ " the folders before it.");
			}
			entries.add(new JournalEntry(entries.size(), millis(folder), folder, true, folder + "/" + FILE, folder));
		}
		return entries;
	}

	/**
	 * Files of the location that no migration runs: {@code .sql} files beside the folders, and folders without
	 * {@code migration.sql}.
	 */
	static Set<String> strays(Collection<String> files) {
		Set<String> folders = new TreeSet<>(folders(files));
		Set<String> strays = new LinkedHashSet<>();
		for (String file : files) {
			int slash = file.indexOf('/');
			if (slash < 0) {
				if (file.endsWith(".sql")) {
					strays.add(file);
				}
			}
			else if (!folders.contains(file.substring(0, slash))) {
				strays.add(file.substring(0, slash) + "/");
			}
		}
		return strays;
	}

	/**
	 * {@code created_at} of a folder: its first 14 characters as a UTC time, out-of-range fields carried over as
	 * JavaScript's {@code Date.UTC} does.
	 */
	static long millis(String folder) {
		int[] f = Arrays.stream(new int[] { 0, 4, 6, 8, 10, 12 })
			.map((at) -> Integer.parseInt(folder.substring(at, at == 0 ? 4 : at + 2)))
			.toArray();
		return LocalDateTime.of(f[0], 1, 1, 0, 0)
			.plusMonths(f[1] - 1L)
			.plusDays(f[2] - 1L)
			.plusHours(f[3])
			.plusMinutes(f[4])
			.plusSeconds(f[5])
			.toInstant(ZoneOffset.UTC)
			.toEpochMilli();
	}

	/**
	 * The folder name {@code drizzle-kit up} gives a journal entry: its {@code when} as a UTC time to the second,
	 * then the tag without its {@code NNNN_} number.
	 */
	static String upgradedName(long when, String tag) {
		int underscore = tag.indexOf('_');
		return FOLDER_TIME.format(Instant.ofEpochMilli(when)) + "_" + (underscore < 0 ? "" : tag.substring(underscore + 1));
	}

}
