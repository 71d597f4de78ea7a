package dev.migrator.engine;

import java.text.Collator;
import java.util.ArrayList;
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
		if (folders.size() > 1) {
			// a Collator's first use costs a cold JVM tens of milliseconds: not for a journal folder, which has none
			Collator collator = Collator.getInstance(Locale.ROOT);
			folders.sort(collator::compare);
		}
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
		int year = Integer.parseInt(folder.substring(0, 4));
		int month = Integer.parseInt(folder.substring(4, 6)) - 1;
		year += Math.floorDiv(month, 12);
		month = Math.floorMod(month, 12);
		long days = daysFromCivil(year, month + 1, 1) + Integer.parseInt(folder.substring(6, 8)) - 1;
		long seconds = ((days * 24 + Integer.parseInt(folder.substring(8, 10))) * 60
				+ Integer.parseInt(folder.substring(10, 12))) * 60 + Integer.parseInt(folder.substring(12, 14));
		return seconds * 1000;
	}

	/**
	 * The folder name {@code drizzle-kit up} gives a journal entry: its {@code when} as a UTC time to the second,
	 * then the tag without its {@code NNNN_} number. (Calendar arithmetic by hand: java.time's formatter costs a cold
	 * JVM tens of milliseconds, for every journal entry's name at startup.)
	 */
	static String upgradedName(long when, String tag) {
		long seconds = Math.floorDiv(when, 1000L);
		long days = Math.floorDiv(seconds, 86_400L);
		long second = Math.floorMod(seconds, 86_400L);
		// civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
		long z = days + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long monthIndex = (5 * dayOfYear + 2) / 153;
		long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
		long month = (monthIndex < 10) ? monthIndex + 3 : monthIndex - 9;
		long year = yearOfEra + era * 400 + ((month <= 2) ? 1 : 0);
		StringBuilder name = new StringBuilder(32).append(year);
		two(name, month);
		two(name, day);
		two(name, second / 3600);
		two(name, (second / 60) % 60);
		two(name, second % 60);
		int underscore = tag.indexOf('_');
		return name.append('_').append((underscore < 0) ? "" : tag.substring(underscore + 1)).toString();
	}

	/** Days from 1970-01-01 to a proleptic Gregorian date. */
	private static long daysFromCivil(long year, int month, int day) {
		long y = (month <= 2) ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153L * ((month > 2) ? month - 3 : month + 9) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	private static void two(StringBuilder out, long value) {
		out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

}
