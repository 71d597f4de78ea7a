package dev.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history rows drizzle-orm 0.45 writes for a folder, worked out without the engine: {@code hash} = SHA-256 of
 * each file's bytes, {@code created_at} = the entry's {@code when} (core's DrizzleInteropTests prove drizzle-orm
 * writes exactly these).
 */
final class DrizzleRows {

	private DrizzleRows() {
	}

	/** {@code [hash, created_at]} of the first entries of a folder's journal, as {@code Sql.history} lists rows. */
	static List<List<String>> of(Path folder, int count) throws Exception {
		JsonNode entries = JsonMapper.builder()
			.build()
			.readTree(folder.resolve("meta/_journal.json").toFile())
			.get("entries");
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			JsonNode entry = entries.get(i);
			byte[] bytes = Files.readAllBytes(folder.resolve(entry.get("tag").stringValue() + ".sql"));
			rows.add(List.of(sha256(bytes), Long.toString(entry.get("when").longValue())));
		}
		return rows;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
