#!/usr/bin/env bash
# Regenerates src/main/resources/db/migrations with the real drizzle-kit: the schema steps in steps/ evolve
# schema.ts the way a team would, and each hand-written migration in custom/ goes in through
# `drizzle-kit generate --custom`, so the journal lists it exactly as drizzle-kit does.
# Regenerating gives new "when" values: only do it before the migrations were applied anywhere.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
out=../src/main/resources/db/migrations
rm -rf "$out" schema.ts
gen() { cp "steps/$1.ts" schema.ts; npx drizzle-kit generate --name="$2"; }
custom() {
  npx drizzle-kit generate --custom --name="$1"
  file=$(ls "$out"/*_"$1".sql)
  printf '\n' >> "$file"
  cat "custom/$1.sql" >> "$file"
}
gen 1_tokens_and_holdings create_tokens_and_holdings
gen 2_holding_source_and_notes holdings_source_and_notes
custom tokens_etherscan_contract_idx
custom tokens_identity_unique
custom holdings_owner_idx
custom seed_tokens
gen 3_market_segment add_market_segment_to_tokens
custom backfill_market_segment
rm -f schema.ts
ls "$out"
