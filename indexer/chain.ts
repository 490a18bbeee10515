/**
 * Which chain the indexer follows, from its environment, in the app's own terms (a ChainDeployment), so the
 * indexer and the app agree on the factory, the keeper, the AutoClaim contract and the Olympus authority:
 * - `INDEXER_DEPLOYMENT_FILE`: a devnet's deployment file (what `npm start` and the tests write);
 * - otherwise Arbitrum One, as the app's config describes it.
 * `INDEXER_RPC_URL` names the endpoint (required for Arbitrum One; a devnet's file already has one).
 */
import { readFileSync } from 'node:fs';
import { parseDeployment } from '../contracts-abi/deployment.ts';
import { devnetChainDeployment } from '../src/chain/config/chainDeployments.ts';
import { ARBITRUM_DEPLOYMENT, type ChainDeployment } from '../src/chain/config/config.ts';

export interface IndexedChain {
  /** `devnet` or `arbitrum`: the chain's name in Ponder's config and status. */
  name: 'devnet' | 'arbitrum';
  deployment: ChainDeployment;
  rpcUrl: string;
  /** The block indexing starts at: the factory's deployment. */
  startBlock: number;
  /** The widest `eth_getLogs` the endpoint accepts (Ponder does not recognise every provider's wording). */
  logRange: number;
  /** A devnet restarted with the same chain id is another chain: nothing of it may be cached. */
  disableCache: boolean;
  pollingIntervalMs: number;
}

export function indexedChain(env: NodeJS.ProcessEnv = process.env): IndexedChain {
  const file = env.INDEXER_DEPLOYMENT_FILE;
  if (file) {
    const devnet = parseDeployment(JSON.parse(readFileSync(file, 'utf8')));
    const deployment = devnetChainDeployment(devnet);
    return {
      name: 'devnet',
      deployment,
      rpcUrl: env.INDEXER_RPC_URL || devnet.rpcUrl,
      // Where the devnet's history really begins: the Arbitrum profile claims an older factory for the app's
      // scans (docs/indexer.md, "The devnet's age"), but blocks before the chain's first do not exist. One
      // past the first block: Ponder reads the block before its start, which a chain whose genesis is not
      // block 0 lacks; the genesis block holds no transactions, so no log is missed.
      startBlock: Number(deployment.identityBlock ?? deployment.historyFromBlock) + 1,
      logRange: 10_000,
      disableCache: true,
      pollingIntervalMs: 250,
    };
  }
  const rpcUrl = env.INDEXER_RPC_URL;
  if (!rpcUrl)
    throw new Error('INDEXER_RPC_URL must name an Arbitrum One endpoint (or set INDEXER_DEPLOYMENT_FILE)');
  return {
    name: 'arbitrum',
    deployment: ARBITRUM_DEPLOYMENT,
    rpcUrl,
    startBlock: Number(ARBITRUM_DEPLOYMENT.historyFromBlock),
    logRange: Number(env.INDEXER_LOG_RANGE ?? 10_000),
    disableCache: false,
    pollingIntervalMs: 1_000,
  };
}
