/**
 * Addresses are checksummed where the devnet's deployment enters the app (src/chain/config/devnet.ts,
 * chainDeployments.ts), whatever case the file writes them in, so that pages and keys see one spelling of
 * each contract. Pure: no node is started.
 */
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { devnetChainDeployment } from '../../src/chain/config/chainDeployments.ts';
import { checksummedDevnet, loadDevnetDeployment } from '../../src/chain/config/devnet.ts';
import { DEVNET_FIXTURE } from '../fixtures/deployment.ts';

/** Mixed-case addresses whose checksum differs from their lower case: a lower-case file shows the change. */
const FACTORY = '0x8ba1f109551bd432803012645ac136ddd64dba72';
const TREASURY = '0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae';
const OHM = '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359';
const FEED = '0x52908400098527886e0f7030069857d2e4169ee7';
const POOL = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';

const lowerCaseFile: Deployment = {
  ...DEVNET_FIXTURE,
  contracts: { ...DEVNET_FIXTURE.contracts, factory: FACTORY },
  roles: { ...DEVNET_FIXTURE.roles, treasury: TREASURY },
  tokens: [{ symbol: 'OHM', name: 'Olympus', address: OHM, decimals: 9 }],
  feeds: [{ pair: 'OHM/USD', feed: FEED, wrapper: POOL, decimals: 8 }],
  pools: [
    {
      name: '3-BTC/USD+OHM',
      market: 'BTC/USD',
      leverage: 3,
      collateral: 'OHM',
      address: POOL,
      committer: FACTORY,
      longToken: TREASURY,
      shortToken: OHM,
      settlementToken: OHM,
      oracleWrapper: FEED,
      deployBlock: '7',
    },
  ],
};

describe('a devnet deployment written in lower case', () => {
  it('is checksummed when the app loads it', async () => {
    const fetcher = (async () => new Response(JSON.stringify(lowerCaseFile))) as typeof fetch;
    const loaded = await loadDevnetDeployment(fetcher);
    expect(loaded?.contracts.factory).toBe(getAddress(FACTORY));
    expect(loaded?.roles.treasury).toBe(getAddress(TREASURY));
    expect(loaded?.tokens[0]?.address).toBe(getAddress(OHM));
    expect(loaded?.feeds[0]?.feed).toBe(getAddress(FEED));
    expect(loaded?.pools[0]?.address).toBe(getAddress(POOL));
    expect(loaded?.pools[0]?.longToken).toBe(getAddress(TREASURY));
  });

  it('gives a chain deployment whose addresses are checksummed', () => {
    const chain = devnetChainDeployment(lowerCaseFile);
    expect(chain.factory).toBe(getAddress(FACTORY));
    expect(chain.olympus?.treasury).toBe(getAddress(TREASURY));
    expect(chain.olympus?.priceFeeds).toEqual([getAddress(FEED)]);
    expect(chain.collaterals.map((c) => c.address)).toEqual([getAddress(OHM)]);
    expect(chain.usdOracles.OHM).toBe(getAddress(POOL));
    // The history's log scan looks deploy blocks up by lower-case address (config.ts).
    expect(chain.poolDeployBlocks).toEqual({ [POOL]: 7n });
  });

  it('checksums every address and changes nothing else', () => {
    const everyAddressChecksummed = JSON.stringify(lowerCaseFile).replace(/\b0x[0-9a-fA-F]{40}\b/g, (a) =>
      getAddress(a),
    );
    expect(JSON.stringify(checksummedDevnet(lowerCaseFile))).toBe(everyAddressChecksummed);
  });
});
