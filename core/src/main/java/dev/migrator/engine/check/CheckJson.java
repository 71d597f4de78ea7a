package dev.migrator.engine.check;

import tools.jackson.databind.json.JsonMapper;

/**
 * The check's one JSON mapper, with Jackson's defaults: it reads the journal's tree for line numbers
 * ({@link JournalLines}, {@link FolderView}), writes the journal of a folder's pieces ({@link FolderPieces}) and the
 * JSON report ({@link ReportFormat}). A class of its own so that it is built on first use: building it loads some 450
 * Jackson classes, about 0.15 s of a fresh JVM, which a command-line run that does not check would otherwise pay (the
 * check command, which every run instantiates, holds a {@link ReportFormat}).
 */
final class CheckJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CheckJson() {
	}

}
