package dev.migrator.test;

import dev.migrator.engine.MigrationReport;

/**
 * One migration of a template database in this JVM.
 *
 * @param name the template database's name, {@code migrator_tpl_<location hash>_<journal hash>}
 * @param server the server it is on, {@code host:port}
 * @param location the migrations folder
 * @param journalHash the hash of the history table's name and every migration's tag, {@code when} and file hash
 * @param report what the run applied: everything for a new template, nothing when an earlier JVM left it up to date
 */
public record Template(String name, String server, String location, String journalHash, MigrationReport report) {
}
