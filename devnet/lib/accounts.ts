/** The dev accounts of the public test mnemonic, with their keys (devnet only, never real funds). */
import type { Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { DEV_MNEMONIC } from '../config.ts';

/** Dev account i of the public test mnemonic; ROLE_INDEX in devnet/config.ts says who plays which part. */
export function devAccount(index: number) {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  const key = account.getHdKey().privateKey;
  if (!key) throw new Error('no private key');
  return { address: account.address, privateKey: `0x${Buffer.from(key).toString('hex')}` as Hex };
}
