package dev.migrator.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The peers' versions, read from the names of the jars their classes come from, for the table. */
final class Versions {

	private static final Pattern VERSION = Pattern.compile("-(\\d[\\w.-]*)\\.jar$");

	private Versions() {
	}

	static String of(String className) {
		try {
			Class<?> type = Class.forName(className, false, Versions.class.getClassLoader());
			Matcher matcher = VERSION.matcher(type.getProtectionDomain().getCodeSource().getLocation().getPath());
			return matcher.find() ? matcher.group(1) : "(version unknown)";
		}
		catch (ClassNotFoundException | RuntimeException ex) {
			return "(version unknown)";
		}
	}

}
