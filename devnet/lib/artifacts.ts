/**
 * The V2.1 contracts' ABIs and bytecode, from the typechain factories of the pinned npm package
 * (docs/devnet.md, "Deploying the protocol"), with PoolSwapLibrary linked in where a contract needs it.
 */
import type { Abi, Address, Hex } from 'viem';
import { loadFactory } from '../../contracts-abi/generate.ts';

const LIBRARY_KEY = 'contracts/libraries/PoolSwapLibrary.sol:PoolSwapLibrary';

export interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

/** The contract's creation code, with `library` as PoolSwapLibrary's address when it links one. */
export function artifact(name: Parameters<typeof loadFactory>[0], library?: Address): Artifact {
  const factory = loadFactory(name) as ReturnType<typeof loadFactory> & {
    linkBytecode?: (libs: Record<string, string>) => string;
  };
  const bytecode =
    library && factory.linkBytecode ? factory.linkBytecode({ [LIBRARY_KEY]: library }) : factory.bytecode;
  if (!bytecode || bytecode.includes('__$')) throw new Error(`${name}: bytecode missing or not linked`);
  return { abi: factory.abi as Abi, bytecode: bytecode as Hex };
}
