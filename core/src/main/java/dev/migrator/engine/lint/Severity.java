package dev.migrator.engine.lint;

/** How much a lint finding matters. */
public enum Severity {

	/** Reported (logged at startup, printed by {@code migrate} and {@code check}); never stops a run. */
	WARN,

	/** Reported, and under {@code migrator.lint.mode=fail} stops the run before anything is applied. */
	ERROR

}
