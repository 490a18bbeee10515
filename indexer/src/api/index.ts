/**
 * The indexer's own routes, in the app's HistorySource shapes (src/chain/history/indexerApi.ts). They serve
 * only the factory's pools that pass the app's verification (poolVerification.ts, read at the latest block),
 * answer a block range in pages, and name the chain and the indexed head in every answer.
 */
import { Hono } from 'hono';
import { blockParam, chainNow, json } from './answers.ts';
import { ledgerRoute } from './ledger.ts';
import { poolRoute } from './pool.ts';
import { protocolRoute } from './protocol.ts';
import { stepsRoute } from './steps.ts';
import { userRoute } from './user.ts';
import { olympusPools } from './verifiedPools.ts';

const app = new Hono();
export default app;

app.get('/history/chain', async (c) => {
  const now = await chainNow();
  return now ? json(c, now) : json(c, { error: 'not started' }, 503);
});

app.get('/history/pool/:address', poolRoute);
app.get('/history/user/:address', userRoute);
app.get('/history/ledger/:address', ledgerRoute);
app.get('/history/steps/:user', stepsRoute({ chainNow, olympusPools, json, blockParam }));
app.get('/history/protocol', protocolRoute);
