/**
 * The names and addresses a launch predicts. The golden vector is the devnet's first pool, "3-BTC/USD+gOHM",
 * as the real V2.1 factory deployed it on a fresh anvil (the devnet deploys the same contracts at the same
 * addresses every time); tests/chain/launch.test.ts checks the same predictions against a launch it makes.
 */
import { concat, getContractAddress, type Hex, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { chainlinkOracleWrapperBytecode } from '../../../contracts-abi/generated/bytecode/ChainlinkOracleWrapper.ts';
import {
  CREATE2_PROXY,
  deployPoolName,
  factoryPoolName,
  type PoolKey,
  planWrappers,
  poolSalt,
  poolTokenSalt,
  predictPoolAddresses,
  WRAPPER_SALT,
} from '../../../src/chain/launch/launchPlan.ts';
import { wrapperDeployRequest } from '../../../src/chain/launch/launchWrites.ts';

const bases = {
  factory: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  poolBase: '0x9f1ac54BEF0DD2f6f3462EA0fa94fC62300d3a8e',
  committerBase: '0xbf9fBFf01664500A33080Da5d437028b07DFcC55',
  tokenBase: '0xCafac3dD18aC6c6e92c921884f9E4176737C052c',
} as const;
const btcPool: PoolKey = {
  frontRunningIntervalSeconds: 10,
  updateIntervalSeconds: 60,
  leverage: 3,
  settlementToken: '0x0B306BF915C4d645ff596e518fAf3F9669b97016',
  oracleWrapper: '0x8464135c8F25Da09e49BC8782676a84730C318bC',
};

describe('the pool’s name', () => {
  it('is "<leverage>-<market>+<collateral>": the factory prefixes what deployPool is given', () => {
    expect(deployPoolName('ETH/USD', 'gOHM')).toBe('ETH/USD+gOHM');
    expect(factoryPoolName(2, 'ETH/USD', 'gOHM')).toBe('2-ETH/USD+gOHM');
  });
});

describe('the factory’s clones', () => {
  it('predicts the devnet’s 3-BTC/USD+gOHM pool, committer and tokens where the factory put them', () => {
    expect(predictPoolAddresses(bases, btcPool)).toEqual({
      pool: '0xA0FAbDe47e002eDFC3F6c249DFBFf21140fCBb03',
      committer: '0xAe07DCBdBD8b9a111d9bC84f42a998d89424983E',
      longToken: '0x6d747B21b06f198405f7D9E0fF1699417a5210DA',
      shortToken: '0x6143c89fF938DFE0DEbD939A56208F8834cC7cC2',
    });
  });

  it('moves the pool with every field of its key, but its tokens only with leverage, collateral and wrapper', () => {
    const other = { ...btcPool, updateIntervalSeconds: 120 };
    expect(poolSalt(other)).not.toBe(poolSalt(btcPool));
    expect(poolTokenSalt(other, 'L-')).toBe(poolTokenSalt(btcPool, 'L-'));
    expect(poolTokenSalt(btcPool, 'L-')).not.toBe(poolTokenSalt(btcPool, 'S-'));
    expect(poolSalt({ ...btcPool, leverage: 2 })).not.toBe(poolSalt(btcPool));
  });
});

describe('the wrappers through the CREATE2 proxy', () => {
  const treasury = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const feeds = {
    marketFeed: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    settlementEthFeed: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
  } as const;

  it('predicts each wrapper from the proxy, the salt and its creation code with (feed, deployer)', () => {
    const { market, settlementEth } = planWrappers(
      { account: treasury, ...feeds },
      chainlinkOracleWrapperBytecode,
    );
    expect(market.initCode.startsWith(chainlinkOracleWrapperBytecode)).toBe(true);
    expect(market.initCode.length).toBe(chainlinkOracleWrapperBytecode.length + 128);
    const expected = (initCode: Hex) =>
      getContractAddress({ opcode: 'CREATE2', from: CREATE2_PROXY, salt: WRAPPER_SALT, bytecode: initCode });
    expect(market.address).toBe(expected(market.initCode));
    expect(settlementEth.address).not.toBe(market.address);
    // Another deployer, another wrapper: the factory checks `deployer()` against the caller of deployPool.
    const other = planWrappers(
      { account: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', ...feeds },
      chainlinkOracleWrapperBytecode,
    );
    expect(other.market.address).not.toBe(market.address);
  });

  it('sends the proxy salt ++ creation code, to the proxy, as a plain call', () => {
    const { market } = planWrappers({ account: treasury, ...feeds }, chainlinkOracleWrapperBytecode);
    expect(wrapperDeployRequest(42161, market)).toEqual({
      to: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
      data: concat([WRAPPER_SALT, market.initCode]),
      chainId: 42161,
    });
    expect(WRAPPER_SALT).toBe(
      keccak256(new TextEncoder().encode('olympus-perpetual-pools/oracle-wrapper/v1')),
    );
  });
});
