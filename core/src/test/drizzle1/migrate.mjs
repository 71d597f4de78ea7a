// Runs drizzle-orm 1.0's own migrator (node-postgres driver) on a folder, as a TypeScript service would:
//   node migrate.mjs <postgres connection string> <migrations folder>
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const [connectionString, migrationsFolder] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: 1 });
try {
  await migrate(drizzle({ client: pool }), { migrationsFolder });
  console.log('drizzle-orm 1.0 migrate: done');
} finally {
  await pool.end();
}
