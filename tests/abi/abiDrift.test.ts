import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_DIR,
  packageVersion,
  renderAbiModules,
  renderBytecodeModules,
} from '../../contracts-abi/generate.ts';

describe('contracts-abi', () => {
  it('is generated from the pinned contracts package', () => {
    expect(packageVersion()).toBe('1.2.5');
  });

  it('matches what the generator renders from the package today (run `npm run abi` after an upgrade)', () => {
    // The ABIs and, under bytecode/, the creation code the treasury page deploys.
    const rendered = new Map([...renderAbiModules(), ...renderBytecodeModules()]);
    const committed = readdirSync(GENERATED_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.split('\\').join('/'));
    expect(committed.sort()).toEqual([...rendered.keys()].sort());
    for (const [file, contents] of rendered) {
      expect(readFileSync(join(GENERATED_DIR, file), 'utf8'), file).toBe(contents);
    }
  });
});
