#!/usr/bin/env bash
# Regenerates migrations/ with the real drizzle-kit from the schema steps in steps/, in order, the way a team
# evolving schema.ts would. Step 4 is a `drizzle-kit generate --custom` migration whose SQL comes from
# custom_4_slugs.sql. Steps are a second apart, so that drizzle-kit 1.0's `up` (which names folders by the
# second) can convert the folder in the Drizzle 1.0 interop tests. Output is committed as generated; the interop
# tests read it.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf migrations schema.ts
gen() { cp "steps/$1.ts" schema.ts; npx drizzle-kit generate --name="$2"; sleep 1.1; }
gen 1_users create_users
gen 2_posts add_posts
gen 3_status post_status
npx drizzle-kit generate --custom --name=slugs
custom=$(ls migrations/0003_*.sql)
printf "\n" >> "$custom"
cat custom_4_slugs.sql >> "$custom"
sleep 1.1
gen 5_tags add_tags
rm -f schema.ts
ls migrations
