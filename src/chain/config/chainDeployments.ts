/** Where the protocol lives on each chain the app serves: Arbitrum One from config, the devnet from its file. */
import type { Address } from 'viem';
import { historyKey } from '../history/historySource.ts';
import { ARBITRUM_DEPLOYMENT, type ChainDeployment, type CollateralSymbol } from './config.ts';
import { checksummedDevnet, type DevnetDeployment } from './devnet.ts';

function isCollateral(symbol: string): symbol is CollateralSymbol {
  return symbol === 'OHM' || symbol === 'gOHM';
}

export function devnetChainDeployment(raw: DevnetDeployment): ChainDeployment {
  const devnet = checksummedDevnet(raw);
  const usdOracles: Partial<Record<CollateralSymbol, Address>> = {};
  for (const feed of devnet.feeds) {
    const [base, quote] = feed.pair.split('/');
    if (quote === 'USD' && base && isCollateral(base)) usdOracles[base] = feed.wrapper;
  }
  return {
    chainId: devnet.chainId,
    factory: devnet.contracts.factory,
    keeper: devnet.contracts.keeper,
    autoClaim: devnet.contracts.autoClaim,
    olympus: {
      treasury: devnet.roles.treasury,
      governance: devnet.roles.governance,
      priceFeeds: devnet.feeds.map((f) => f.feed),
    },
    collaterals: devnet.tokens.flatMap((t) =>
      isCollateral(t.symbol) ? [{ symbol: t.symbol, address: t.address, decimals: t.decimals }] : [],
    ),
    usdOracles,
    historyFromBlock: BigInt(devnet.historyFromBlock ?? devnet.startBlock),
    identityBlock: BigInt(devnet.startBlock),
    // Keyed as the history keys pools (config.ts).
    poolDeployBlocks: Object.fromEntries(
      devnet.pools.flatMap((p) => (p.deployBlock ? [[historyKey(p.address), BigInt(p.deployBlock)]] : [])),
    ),
    pollIntervalMs: devnet.pollIntervalMs,
    rpcUrls: [devnet.rpcUrl],
    ...(devnet.indexerUrl ? { indexerUrl: devnet.indexerUrl } : {}),
    // The devnet's feeds are TestChainlinkOracles, which answer `updatedAt` with the block's own time, so as
    // read they are never old; the price simulator also writes every 3 s. What moves the chain's clock without
    // a price is the seeding's and the tests' jumps of one update interval and a second: two intervals stays
    // clear of those and still flags a feed that stopped (docs/devnet.md).
    priceFeedMaxAgeSeconds: 2 * devnet.updateIntervalSeconds,
    multicall3: devnet.contracts.multicall3,
  };
}

export function chainDeployments(devnet: DevnetDeployment | undefined): Map<number, ChainDeployment> {
  const map = new Map<number, ChainDeployment>([[ARBITRUM_DEPLOYMENT.chainId, ARBITRUM_DEPLOYMENT]]);
  if (devnet) map.set(devnet.chainId, devnetChainDeployment(devnet));
  return map;
}
