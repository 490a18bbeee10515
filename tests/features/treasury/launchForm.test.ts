import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { CollateralToken } from '../../../src/chain/config/config.ts';
import { factoryPoolName } from '../../../src/chain/launch/launchPlan.ts';
import type { FeedReading } from '../../../src/chain/launch/launchReads.ts';
import type { FeedCheck } from '../../../src/features/treasury/launchFeeds.ts';
import {
  checkLaunch,
  type LaunchContext,
  type LaunchInputs,
  sameNameWarning,
} from '../../../src/features/treasury/launchForm.ts';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const ETH_USD = a(0xf1);
const ETH_GOHM = a(0xf2);
const GOHM: CollateralToken = { symbol: 'gOHM', address: a(0xa1), decimals: 18 };
const OHM: CollateralToken = { symbol: 'OHM', address: a(0xa2), decimals: 9 };

const feed = (address: Address, patch: Partial<FeedReading & { kind: 'feed' }> = {}): FeedCheck => ({
  status: 'read',
  reading: {
    kind: 'feed',
    address,
    description: 'A mock Chainlink V3 Aggregator',
    decimals: 8,
    answer: 340_000_000_000n,
    updatedAt: 1n,
    ...patch,
  },
});

const inputs: LaunchInputs = {
  feed: ETH_USD,
  market: '',
  leverage: '2',
  collateral: 'gOHM',
  ethFeed: '',
  update: '60',
  frontRunning: '10',
  mintFee: '0.5',
  burnFee: '0.3',
  change: '0',
};

const ctx: LaunchContext = {
  chainId: 31337,
  factory: a(2),
  account: a(11),
  locale: 'en-US',
  collaterals: [OHM, GOHM],
  known: [
    { pair: 'ETH/USD', feed: ETH_USD },
    { pair: 'ETH/gOHM', feed: ETH_GOHM },
  ],
  marketFeed: feed(ETH_USD),
  settlementEthFeed: feed(ETH_GOHM),
  annualFee: 2n * 10n ** 16n,
};

describe('checkLaunch', () => {
  it('makes a launch of exact WAD fees from valid fields, the known feeds filling in the rest', () => {
    const check = checkLaunch(inputs, ctx);
    expect(check.errors).toEqual({});
    expect(check.launch).toEqual({
      chainId: 31337,
      factory: a(2),
      account: a(11),
      market: 'ETH/USD',
      marketFeed: ETH_USD,
      settlementEthFeed: ETH_GOHM,
      collateral: GOHM,
      leverage: 2,
      updateIntervalSeconds: 60,
      frontRunningIntervalSeconds: 10,
      mintingFee: 5n * 10n ** 15n,
      burningFee: 3n * 10n ** 15n,
      changeInterval: 0n,
    });
  });

  it('forms no launch without an account, yet refuses nothing for it', () => {
    const check = checkLaunch(inputs, { ...ctx, account: undefined });
    expect(check.errors).toEqual({});
    expect(check.launch).toBeUndefined();
  });

  it('refuses a collateral that is not OHM or gOHM by name', () => {
    const check = checkLaunch({ ...inputs, collateral: 'USDC' }, ctx);
    expect(check.errors.collateral).toBe('“USDC” is not an Olympus collateral: choose OHM or gOHM.');
    expect(check.launch).toBeUndefined();
  });

  it('refuses a token with more than 18 decimals', () => {
    const wide = { ...GOHM, decimals: 19 };
    const check = checkLaunch(inputs, { ...ctx, collaterals: [wide] });
    expect(check.errors.collateral).toBe('gOHM has 19 decimals; the factory accepts at most 18.');
  });

  it('names a feed that is not one, one with too many decimals, one without a price, one that failed', () => {
    const withFeed = (marketFeed: FeedCheck) => checkLaunch(inputs, { ...ctx, marketFeed }).errors.feed;
    expect(withFeed({ status: 'read', reading: { kind: 'not-a-feed', address: ETH_USD } })).toBe(
      `${ETH_USD} is not a price feed: it does not answer decimals() and latestRoundData().`,
    );
    expect(withFeed(feed(ETH_USD, { decimals: 19 }))).toBe(
      'This feed has 19 decimals; the oracle wrapper accepts at most 18.',
    );
    expect(withFeed(feed(ETH_USD, { answer: 0n }))).toBe(
      'This feed’s latest answer is 0: a pool needs a price above zero.',
    );
    expect(
      withFeed({ status: 'failed', message: 'the RPC endpoint rpc.example could not be reached.' }),
    ).toBe('The feed could not be read: the RPC endpoint rpc.example could not be reached.');
  });

  it('waits for the feeds before it forms a launch or names the market', () => {
    const unknown = a(0xf9);
    const check = checkLaunch({ ...inputs, feed: unknown }, { ...ctx, marketFeed: { status: 'loading' } });
    expect(check.reading).toBe(true);
    expect(check.errors).toEqual({});
    expect(check.launch).toBeUndefined();
  });

  it('names the market from an unknown feed’s description, and asks for it when there is none', () => {
    const unknown = a(0xf9);
    const described = checkLaunch(
      { ...inputs, feed: unknown },
      { ...ctx, marketFeed: feed(unknown, { description: 'BTC / USD' }) },
    );
    expect(described.market).toBe('BTC/USD');
    expect(described.launch?.market).toBe('BTC/USD');
    const silent = checkLaunch({ ...inputs, feed: unknown }, { ...ctx, marketFeed: feed(unknown) });
    expect(silent.errors.market).toBe(
      'Name the market, like ETH/USD: the feed’s description does not say it.',
    );
  });

  it('refuses the same feed twice, and a settlement/ETH feed the chain does not know unless typed', () => {
    expect(checkLaunch({ ...inputs, ethFeed: ETH_USD }, ctx).errors.ethFeed).toBe(
      'The settlement/ETH feed must be another feed than the market’s.',
    );
    expect(checkLaunch({ ...inputs, collateral: 'OHM' }, ctx).errors.ethFeed).toBe(
      'Enter a settlement/ETH feed: no ETH/OHM feed is known on this chain.',
    );
    // A known feed for another collateral would misprice the keeper rewards.
    expect(checkLaunch({ ...inputs, collateral: 'OHM', ethFeed: ETH_GOHM }, ctx).errors.ethFeed).toBe(
      'That is the ETH/gOHM feed: keeper rewards paid in OHM need the ETH/OHM feed.',
    );
  });

  it('bounds the update interval by the factory’s annual fee', () => {
    const check = checkLaunch({ ...inputs, update: '1577847600' }, ctx);
    expect(check.errors.update).toMatch(/^At most 1577847599 seconds/);
  });
});

describe('warnings before a launch is sent', () => {
  it('warns, without refusing, that a front-running interval of 0 lets commits execute at a known price', () => {
    const zero = checkLaunch({ ...inputs, frontRunning: '0' }, ctx);
    expect(zero.warnings.frontRunning).toBe(
      'With no front-running interval, a commit sent just before an upkeep executes at that upkeep, at a price the committer may already see in the feed, so they can trade on a known price at the expense of the other holders.',
    );
    // The contracts accept it: the launch is still formed, with the 0 the treasury chose.
    expect(zero.errors).toEqual({});
    expect(zero.launch?.frontRunningIntervalSeconds).toBe(0);
    expect(checkLaunch(inputs, ctx).warnings).toEqual({});
    expect(checkLaunch({ ...inputs, frontRunning: '1' }, ctx).warnings).toEqual({});
  });

  it('warns of a second pool under a name the list already shows, as the factory forms it', () => {
    const listed = [
      { name: '1-ETH/USD+OHM', address: a(0x51) },
      { name: '3-BTC/USD+gOHM', address: a(0x52) },
    ];
    const name = factoryPoolName(1, 'ETH/USD', 'OHM');
    expect(sameNameWarning(name, listed, a(0x99))).toBe(
      `A pool named 1-ETH/USD+OHM already exists at ${a(0x51)}: a second one would appear under the same name in the pools list, and holders could not tell them apart by name.`,
    );
    // Told apart by case alone, holders would still read them as one.
    expect(sameNameWarning('1-eth/usd+OHM', listed, undefined)).toMatch(/^A pool named 1-ETH\/USD\+OHM/);
    // Another leverage or collateral is another name.
    expect(sameNameWarning(factoryPoolName(2, 'ETH/USD', 'OHM'), listed, undefined)).toBeUndefined();
    expect(sameNameWarning(factoryPoolName(1, 'ETH/USD', 'gOHM'), listed, undefined)).toBeUndefined();
    // The pool this launch makes, already deployed (a resumed launch), is not its own duplicate.
    expect(sameNameWarning(name, listed, a(0x51))).toBeUndefined();
    expect(sameNameWarning(undefined, listed, undefined)).toBeUndefined();
  });
});
