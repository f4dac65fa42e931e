/**
 * The claims API's HTTP tests once more, with the API's data in PostgreSQL: what a client sees must
 * not depend on the database behind it. Each API the tests start gets fresh, migrated schemas.
 */
import { describe } from 'vitest';
import { openClaimsApiStores } from '../src/claims-api/claims-api-stores.js';
import { migrate } from '../src/store/pg/migrate.js';
import { storeApisIn } from './helpers/claims-api-harness.js';
import { describePg, freshSchemas, testDatabaseUrl } from './helpers/pg-test-database.js';

describePg('claims API over HTTP on PostgreSQL', () => {
  storeApisIn(async () => {
    const db = await freshSchemas(testDatabaseUrl(), 'claims_http');
    const pool = db.open();
    await migrate(pool);
    return { stores: openClaimsApiStores({ pool }), close: () => db.dispose() };
  });
  // The suites register their tests inside this block, so they skip with it when no server answers.
  describe('the SQLite suites', async () => {
    await import('./claims-api.test.js');
    await import('./claims-api-resubmit-webhooks.test.js');
    await import('./claims-questions-api.test.js');
  });
});
