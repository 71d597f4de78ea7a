package dev.migrator.sample;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holdings and the tokens they refer to, over {@link JdbcClient}. */
@Repository
public class HoldingRepository {

	private static final String SELECT = "SELECT h.id, h.token_id, t.symbol, h.owner, h.quantity, h.created_source,"
			+ " h.notes, h.acquired_at FROM holdings h JOIN tokens t ON t.id = h.token_id";

	private final JdbcClient jdbc;

	public HoldingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Holding> findAll() {
		return this.jdbc.sql(SELECT + " ORDER BY h.id").query(Holding.class).list();
	}

	public boolean tokenExists(long tokenId) {
		return this.jdbc.sql("SELECT count(*) FROM tokens WHERE id = ?").param(tokenId).query(Long.class).single() > 0;
	}

	public Holding insert(NewHolding holding) {
		long id = this.jdbc
			.sql("INSERT INTO holdings (token_id, owner, quantity, notes, created_source) VALUES (?, ?, ?, ?, 'api')"
					+ " RETURNING id")
			.params(holding.tokenId(), holding.owner().strip(), holding.quantity(), holding.notes())
			.query(Long.class)
			.single();
		return this.jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(Holding.class).single();
	}

}
