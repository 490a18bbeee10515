/**
 * The keeper's command line and environment (docs/keeper.md, "Flags and environment"), checked before anything
 * touches the network. Every problem is one sentence the operator can act on (a UsageError); the CLI prints it
 * on stderr and exits non-zero. The signing key is taken only from `KEEPER_PRIVATE_KEY`: on the command line it
 * would be readable by every user of the machine (`ps`) and kept in shell history.
 */
import { parseArgs } from 'node:util';
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { rpcUrlProblem } from './rpc.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const KEY_ENV = 'KEEPER_PRIVATE_KEY';
export const DEFAULT_INTERVAL_MS = 15_000;
const MIN_INTERVAL_MS = 100;

export interface KeeperArgs {
  rpcUrls: string[];
  factory: Address;
  treasury: Address;
  feeds: Address[];
  governance: Address | undefined;
  autoClaim: Address | undefined;
  always: boolean;
  intervalMs: number;
  claimsFromBlock: bigint | undefined;
}

export const USAGE = `Usage: npm run keeper -- --rpc URL [--rpc URL2 ...] --factory ADDRESS --treasury ADDRESS
         --feed ADDRESS [--feed ...] [--governance ADDRESS] [--autoclaim ADDRESS] [--always]
         [--interval-ms N] [--claims-from-block N]
The signing key is read from the ${KEY_ENV} environment variable. See docs/keeper.md.`;

const KEY_FLAGS = /^--(key|private-key|privateKey|private_key)(=|$)/;

function address(flag: string, value: string): Address {
  if (!isAddress(value, { strict: false }))
    throw new UsageError(`--${flag} must be an address (0x and 40 hex digits), got "${value}".`);
  return getAddress(value);
}

export function parseKeeperArgs(argv: readonly string[]): KeeperArgs {
  if (argv.some((arg) => KEY_FLAGS.test(arg)))
    throw new UsageError(
      `The keeper takes no key on the command line, where other users can read it in the process list and it stays in shell history: put it in the ${KEY_ENV} environment variable instead.`,
    );
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    const text =
      error instanceof Error ? error.message.replace(/\s+/g, ' ').replace(/\.$/, '') : String(error);
    throw new UsageError(`${text}. Run with --help for the flags.`);
  }
  const rpcUrls = values.rpc ?? [];
  if (rpcUrls.length === 0) throw new UsageError('--rpc is required: give at least one RPC endpoint URL.');
  for (const url of rpcUrls) {
    const problem = rpcUrlProblem(url);
    if (problem) throw new UsageError(problem);
  }
  const required = (flag: 'factory' | 'treasury') => {
    const value = values[flag];
    if (value === undefined) throw new UsageError(`--${flag} is required: give the ${flag}'s address.`);
    return address(flag, value);
  };
  const factory = required('factory');
  const treasury = required('treasury');
  const feeds = (values.feed ?? []).map((feed) => address('feed', feed));
  if (feeds.length === 0)
    throw new UsageError(
      '--feed is required: give every price feed an Olympus pool may read, one --feed each.',
    );
  const intervalMs =
    values['interval-ms'] === undefined ? DEFAULT_INTERVAL_MS : Number(values['interval-ms']);
  if (!Number.isInteger(intervalMs) || intervalMs < MIN_INTERVAL_MS)
    throw new UsageError(
      `--interval-ms must be a whole number of milliseconds, at least ${MIN_INTERVAL_MS}, got "${values['interval-ms']}".`,
    );
  const from = values['claims-from-block'];
  if (from !== undefined && !/^\d+$/.test(from))
    throw new UsageError(`--claims-from-block must be a block number, got "${from}".`);
  return {
    rpcUrls,
    factory,
    treasury,
    feeds,
    governance: values.governance === undefined ? undefined : address('governance', values.governance),
    autoClaim: values.autoclaim === undefined ? undefined : address('autoclaim', values.autoclaim),
    always: values.always === true,
    intervalMs,
    claimsFromBlock: from === undefined ? undefined : BigInt(from),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      rpc: { type: 'string', multiple: true },
      factory: { type: 'string' },
      treasury: { type: 'string' },
      feed: { type: 'string', multiple: true },
      governance: { type: 'string' },
      autoclaim: { type: 'string' },
      always: { type: 'boolean' },
      'interval-ms': { type: 'string' },
      'claims-from-block': { type: 'string' },
    },
  });
}

/** `--help` or `-h` anywhere: print the usage instead of checking anything else. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** The key from the environment, as 0x-prefixed hex; never echoed back in an error. */
export function keyFromEnv(env: NodeJS.ProcessEnv): Hex {
  const raw = env[KEY_ENV]?.trim();
  if (!raw)
    throw new UsageError(
      `${KEY_ENV} is not set: put the keeper account's private key in that environment variable (see docs/keeper.md).`,
    );
  const hex = raw.startsWith('0x') || raw.startsWith('0X') ? raw.slice(2) : raw;
  if (!/^[0-9a-fA-F]{64}$/.test(hex))
    throw new UsageError(`${KEY_ENV} is not a private key: it should be 64 hex digits, with or without 0x.`);
  return `0x${hex}`;
}
