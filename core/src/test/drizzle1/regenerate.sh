#!/usr/bin/env bash
# Regenerates migrations/ with the real drizzle-kit 1.0 (one <timestamp>_<name>/ folder per migration) from the
# schema steps in steps/, in order, the way a team evolving schema.ts would. Steps 3 and 4 are
# `drizzle-kit generate --custom` migrations whose SQL comes from custom_*.sql (4 is a CONCURRENTLY index after a
# COMMIT). drizzle-kit names folders by the second, so the script waits a second between steps. Output is
# committed as generated; the interop tests read it.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf migrations schema.ts
gen() { cp "steps/$1.ts" schema.ts; npx drizzle-kit generate --name="$2"; sleep 1.1; }
custom() { npx drizzle-kit generate --custom --name="$1"; f=$(ls -d migrations/*_"$1")/migration.sql;
  printf "\n" >> "$f"; cat "$2" >> "$f"; sleep 1.1; }
gen 1_users create_users
gen 2_posts add_posts
custom slugs custom_3_slugs.sql
custom posts_title_idx custom_4_title_idx.sql
gen 5_tags add_tags
rm -f schema.ts
ls migrations
