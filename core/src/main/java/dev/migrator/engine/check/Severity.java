package dev.migrator.engine.check;

import java.util.Locale;

/** How much a finding matters: only errors fail a check. */
public enum Severity {

	/** Reported; the check still passes. */
	WARN,

	/** Fails the check (exit code 1). */
	ERROR;

	/** {@code warn} or {@code error}, as reports and rule settings spell it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
