import { integer, jsonb, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const tokens = pgTable('tokens', {
  id: serial('id').primaryKey(),
  symbol: text('symbol').notNull(),
  name: text('name').notNull(),
  chain: text('chain').notNull(),
  contractAddress: text('contract_address'),
  providerMetadata: jsonb('provider_metadata').notNull().default({}),
});

export const holdings = pgTable('holdings', {
  id: serial('id').primaryKey(),
  tokenId: integer('token_id').notNull().references(() => tokens.id),
  owner: text('owner').notNull(),
  quantity: numeric('quantity', { precision: 38, scale: 18 }).notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
  createdSource: text('created_source').notNull().default('manual'),
  notes: text('notes'),
});
