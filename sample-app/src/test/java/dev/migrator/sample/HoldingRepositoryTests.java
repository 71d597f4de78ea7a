package dev.migrator.sample;

import java.math.BigDecimal;

import dev.migrator.embedded.TestPostgres;
import dev.migrator.embedded.TestPostgres.TestDatabase;
import dev.migrator.test.SpringTestDatabase;
import dev.migrator.test.WithMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice on a fresh database that already has every migration ({@link WithMigratedDatabase}): a
 * copy of a template migrated once per JVM, on the server {@code spring.datasource.*} names. The starter's startup
 * run finds nothing to apply.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithMigratedDatabase
@Import(HoldingRepository.class)
class HoldingRepositoryTests {

	/** The server's database the tests connect through; the test's own database is created beside it. */
	private static final TestDatabase db = TestPostgres.newDatabase("repository");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		db.springDataSourceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	HoldingRepository holdings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SpringTestDatabase testDatabase;

	@Test
	void seesTheMigratedSchemaAndSeedData() {
		assertThat(this.jdbc.sql("SELECT symbol || ':' || market_segment FROM tokens ORDER BY id").query(String.class).list())
			.containsExactly("ETH:layer1", "USDC:stablecoin", "SOL:layer1");
		assertThat(this.jdbc.sql("SELECT count(*) FROM drizzle.__drizzle_migrations").query(Long.class).single())
			.isEqualTo(8);
		assertThat(this.jdbc.sql("SELECT current_database()").query(String.class).single())
			.isEqualTo(this.testDatabase.database().name())
			.startsWith("migrator_test_");
		assertThat(db.queryValue("SELECT to_regclass('tokens')")).isNull();
	}

	@Test
	void insertsAndReadsAHolding() {
		long usdc = this.jdbc.sql("SELECT id FROM tokens WHERE symbol = 'USDC'").query(Long.class).single();
		Holding saved = this.holdings.insert(new NewHolding(usdc, "  ada ", new BigDecimal("12.5"), null));
		assertThat(saved.symbol()).isEqualTo("USDC");
		assertThat(saved.owner()).isEqualTo("ada");
		assertThat(saved.createdSource()).isEqualTo("api");
		assertThat(saved.quantity()).isEqualByComparingTo("12.5");
		assertThat(this.holdings.findAll()).extracting(Holding::id).contains(saved.id());
	}

	@Test
	void uniqueIndexTreatsMissingContractAddressAsEqual() {
		assertThat(this.jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'tokens_identity_unique'")
			.query(String.class)
			.single()).contains("COALESCE(contract_address, ''::text)");
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(org.springframework.dao.DuplicateKeyException.class)
			.isThrownBy(() -> this.jdbc
				.sql("INSERT INTO tokens (symbol, name, chain) VALUES ('ETH', 'Ether again', 'ethereum')")
				.update());
	}

}
