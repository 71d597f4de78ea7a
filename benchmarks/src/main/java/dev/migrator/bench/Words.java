package dev.migrator.bench;

import java.util.List;
import java.util.Map;

import dev.migrator.bench.SchemaModel.Kind;

/** The vocabulary of the generated schema: table nouns, column names, text values and enum label sets. */
final class Words {

	static final List<String> NOUNS = List.of("accounts", "orders", "invoices", "products", "customers", "shipments",
			"payments", "events", "sessions", "audit_logs", "subscriptions", "tags", "comments", "reviews",
			"warehouses", "suppliers", "tickets", "projects", "tasks", "notes", "devices", "campaigns", "coupons",
			"refunds", "addresses", "contracts", "vehicles", "bookings", "rooms", "messages");

	/** Column names that suit each kind of column (enum and reference columns are named after what they hold). */
	static final Map<Kind, List<String>> COLUMNS = Map.of(
			Kind.TEXT, List.of("name", "title", "email", "code", "reference", "notes", "region", "channel", "label",
					"description", "city", "country", "source", "owner"),
			Kind.INTEGER, List.of("quantity", "rank", "priority", "retries", "score"),
			Kind.BIGINT, List.of("views", "bytes_used", "sequence_no"),
			Kind.NUMERIC, List.of("amount", "price", "balance"),
			Kind.BOOLEAN, List.of("is_active", "archived", "verified"),
			Kind.TIMESTAMP, List.of("starts_at", "ends_at", "seen_at", "updated_at"),
			Kind.JSONB, List.of("payload", "metadata", "settings"), Kind.UUID, List.of("external_id", "token"));

	static final List<String> VALUES = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
			"hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa");

	static final List<List<String>> ENUM_LABELS = List.of(List.of("draft", "active", "archived"),
			List.of("pending", "paid", "refunded", "failed"), List.of("low", "medium", "high", "urgent"),
			List.of("bronze", "silver", "gold"), List.of("open", "in_progress", "closed"),
			List.of("email", "sms", "push", "webhook"));

	static final List<String> ENUM_NAMES = List.of("status", "payment_state", "priority_level", "tier", "phase",
			"channel_kind");

	private Words() {
	}

}
