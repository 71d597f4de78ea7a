package dev.migrator.sample;

import java.math.BigDecimal;
import java.time.Instant;

/** A quantity of a token held by an owner. */
public record Holding(long id, long tokenId, String symbol, String owner, BigDecimal quantity, String createdSource,
		String notes, Instant acquiredAt) {
}
