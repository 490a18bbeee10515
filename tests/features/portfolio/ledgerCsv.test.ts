/**
 * The ledger's CSV (docs/ledger.md) as a tax tool's generic import reads it: a header row, RFC 4180 quoting,
 * CRLF line ends, amounts exact to the wei and written without locale formatting (checked in a child process
 * running under a German locale and another time zone), times in UTC. Then an export parsed back gives every
 * amount of the events it came from.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseUnits } from 'viem';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitType } from '../../../src/engine/commits.ts';
import { mintFeeAtCommit } from '../../../src/engine/fees.ts';
import { csvField, utcTime } from '../../../src/features/portfolio/csvText.ts';
import { executionRows } from '../../../src/features/portfolio/executions.ts';
import {
  LEDGER_COLUMNS,
  type LedgerColumn,
  ledgerCsv,
  ledgerFileName,
  ledgerRow,
} from '../../../src/features/portfolio/ledgerCsv.ts';
import { csvObjects, parseCsv } from '../../fixtures/csv.ts';
import { ACTIVITY, EXPECTED, OHM, REWARD } from './activityFixture.ts';
import { HISTORY, MAX_UINT256, QUOTED_NAME, T0, tx, WAD } from './ledgerFixture.ts';

const HEADER =
  'time_utc,chain_id,block_number,transaction_hash,log_index,pool,pool_name,side,type,from_escrow,' +
  'amount_raw,amount_decimals,amount,unit,fee_raw,fee_decimals,fee,' +
  'interval_id,received_raw,received_decimals,received,received_unit';

const csv = ledgerCsv(HISTORY);
const { header, rows } = csvObjects<LedgerColumn>(csv);
const byTx = (n: number) => rows.find((r) => r.transaction_hash === tx(n))!;

describe('the ledger CSV, as a generic import reads it', () => {
  it('starts with the documented header row', () => {
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(header).toEqual([...LEDGER_COLUMNS]);
  });

  it('ends every line with CRLF, and has no bare CR or LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(1 + 6 + 1);
  });

  it('quotes a pool name holding a comma and a quote, doubling the quote, and reads it back whole', () => {
    expect(csv).toContain(',"Tom\'s ""BTC, 3x"" pool",');
    expect(byTx(1).pool_name).toBe(QUOTED_NAME);
  });

  it('quotes a field by RFC 4180 only where it must', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(parseCsv(`${csvField('x,"y"\r\nz')}\r\n`)).toEqual([['x,"y"\r\nz']]);
  });

  it('keeps a spreadsheet from running a pool name as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('3-BTC/USD+gOHM')).toBe('3-BTC/USD+gOHM');
  });

  it('writes one row per event, oldest first across pools, each with its chain, block, hash and log index', () => {
    expect(rows.map((r) => [r.block_number, r.log_index, r.transaction_hash])).toEqual([
      ['100', '3', tx(1)],
      ['120', '2', tx(2)],
      ['120', '5', tx(3)],
      ['140', '0', tx(4)],
      ['150', '1', tx(5)],
      ['160', '4', tx(6)],
    ]);
    expect(new Set(rows.map((r) => r.chain_id))).toEqual(new Set(['42161']));
    expect(byTx(2).pool).toBe('0x00000000000000000000000000000000000000b2');
  });

  it('names the side, the type, the escrow and the unit of every kind of event', () => {
    const what = (n: number) => {
      const r = byTx(n);
      return [r.side, r.type, r.from_escrow, r.unit];
    };
    expect(what(1)).toEqual(['long', 'mint', 'false', 'gOHM']);
    expect(what(2)).toEqual(['short', 'burn', 'false', 'S tokens']);
    expect(what(3)).toEqual(['short', 'mint', 'true', 'OHM']);
    expect(what(4)).toEqual(['long', 'transfer_out', 'false', 'L tokens']);
    // A flip's side is the side it leaves.
    expect(what(5)).toEqual(['long', 'flip', 'true', 'L tokens']);
    expect(what(6)).toEqual(['short', 'transfer_in', 'false', 'S tokens']);
  });

  it('writes amounts exactly: one wei, 2^256 − 1, and 1234.5 without a thousands separator', () => {
    expect(byTx(4)).toMatchObject({ amount_raw: '1', amount_decimals: '18', amount: '0.000000000000000001' });
    expect(byTx(5)).toMatchObject({
      amount_raw: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      amount_decimals: '18',
      amount: '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
    });
    expect(byTx(1)).toMatchObject({ amount_raw: '1234500000000000000000', amount: '1234.5' });
    expect(byTx(2)).toMatchObject({ amount_raw: '5000000000', amount_decimals: '9', amount: '5' });
    // Plain decimals only: no exponent, no grouping, a point for the fraction.
    for (const r of rows)
      for (const c of ['amount', 'fee'] as const) expect(r[c]).toMatch(/^(\d+(\.\d+)?)?$/);
  });

  it("writes a mint's fee as the pool takes it at commit, and leaves a burn's and a flip's empty", () => {
    // 1% of 1000 units: 10, the pool's own idiom (docs/protocol.md §1.1) for a large amount too.
    expect(byTx(3)).toMatchObject({ fee_raw: '10', fee_decimals: '9', fee: '0.00000001' });
    const big = mintFeeAtCommit(12_345n * (WAD / 10n), WAD / 100n).fee;
    expect(byTx(1)).toMatchObject({ fee_raw: big.toString(), fee_decimals: '18' });
    expect(parseUnits(byTx(1).fee, 18)).toBe(big);
    for (const n of [2, 5]) expect(byTx(n)).toMatchObject({ fee_raw: '', fee_decimals: '', fee: '' });
    // The pool takes nothing on a token transfer.
    expect(byTx(4)).toMatchObject({ fee_raw: '0', fee: '0' });
  });

  describe('times', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it('writes times in UTC to the second, whatever the local zone', () => {
      process.env.TZ = 'Pacific/Chatham';
      expect(new Date(T0 * 1000).getHours()).not.toBe(18);
      expect(utcTime(T0)).toBe('2026-12-07T18:25:50Z');
      expect(byTx(1).time_utc).toBe('2026-12-07T18:25:50Z');
      expect(byTx(6).time_utc).toBe('2026-12-07T20:25:50Z');
    });

    it('leaves the time empty where the provider gave none, with the block still there', () => {
      expect(byTx(5)).toMatchObject({ time_utc: '', block_number: '150' });
    });
  });

  it('is the same text under a German locale and another time zone: no locale formatting anywhere', () => {
    const child = fileURLToPath(new URL('./ledgerExportChild.ts', import.meta.url));
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', child], {
        env: { ...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', TZ: 'Europe/Berlin' },
        encoding: 'utf8',
      }),
    ) as { csv: string; locale: string; sample: string; timeZone: string };
    // The child really ran German: its own numbers read "1.234,5".
    expect(out).toMatchObject({ locale: 'de-DE', sample: '1.234,5', timeZone: 'Europe/Berlin' });
    expect(out.csv).toBe(csv);
    expect(out.csv).toContain(',1234.5,gOHM,');
  }, 30_000);

  it('names the file by chain and UTC day', () => {
    expect(ledgerFileName(42161, new Date('2026-12-07T23:59:59Z'))).toBe(
      'olympus-pools-ledger-42161-2026-12-07.csv',
    );
  });
});

describe('an export parsed back', () => {
  it('gives every amount and fee of the events it came from, to the wei', () => {
    const events = HISTORY.flatMap((h) => h.events.map((event) => ({ pool: h.pool, event })));
    expect(rows).toHaveLength(events.length);
    for (const { pool, event } of events) {
      if (event.kind !== 'commit' && event.kind !== 'transfer')
        throw new Error('the fixture has no other kind');
      const row = rows.find(
        (r) => r.transaction_hash === event.transactionHash && r.log_index === String(event.logIndex),
      );
      expect(row, event.transactionHash).toBeDefined();
      const decimals = Number(row!.amount_decimals);
      expect(decimals).toBe(pool.collateral.decimals);
      expect(BigInt(row!.amount_raw)).toBe(event.amount);
      expect(parseUnits(row!.amount, decimals)).toBe(event.amount);
      expect(BigInt(row!.block_number)).toBe(event.blockNumber);
      if (
        event.kind === 'commit' &&
        (event.commitType === CommitType.LongMint || event.commitType === CommitType.ShortMint)
      ) {
        const fee = mintFeeAtCommit(event.amount, event.mintingFeeWad).fee;
        expect(BigInt(row!.fee_raw)).toBe(fee);
        expect(parseUnits(row!.fee, Number(row!.fee_decimals))).toBe(fee);
      }
    }
  });

  it('gives back any amount at any decimals exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_UINT256 }),
        fc.integer({ min: 0, max: 36 }),
        (amount, decimals) => {
          const pool = { ...HISTORY[0]!.pool, collateral: { ...HISTORY[0]!.pool.collateral, decimals } };
          const event = { ...HISTORY[0]!.events[1]!, amount };
          const [row] = csvObjects<LedgerColumn>(ledgerCsv([{ pool, events: [event] }])).rows;
          expect(row!.amount).not.toMatch(/[eE,]/);
          expect(parseUnits(row!.amount, decimals)).toBe(amount);
          expect(BigInt(row!.amount_raw)).toBe(amount);
          expect(ledgerRow(pool, event).amount).toBe(row!.amount);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('claims, AutoClaim and executions in the ledger', () => {
  const { rows: activity } = csvObjects<LedgerColumn>(ledgerCsv([ACTIVITY]));
  const at = (block: number, logIndex: number) =>
    activity.find((r) => r.block_number === String(block) && r.log_index === String(logIndex))!;

  it('writes a claim and both AutoClaim records, with no side, and the reward in ETH', () => {
    expect(activity.map((r) => r.type)).toEqual([
      'mint',
      'autoclaim_request',
      'claim',
      'autoclaim_paid',
      'burn',
      'burn',
    ]);
    expect(at(230, 0)).toMatchObject({ side: '', amount_raw: '', amount: '', unit: '', fee_raw: '0' });
    for (const [block, logIndex] of [
      [200, 2],
      [230, 3],
    ] as const) {
      const row = at(block, logIndex);
      expect(row).toMatchObject({ side: '', unit: 'ETH', amount_decimals: '18', amount: '0.001', fee: '0' });
      expect(BigInt(row.amount_raw)).toBe(REWARD);
    }
    expect(at(200, 2).interval_id).toBe('8');
    // Another chain's native currency, when the card passes it.
    const other = csvObjects<LedgerColumn>(
      ledgerCsv([ACTIVITY], { native: { symbol: 'xDAI', decimals: 18 } }),
    ).rows;
    expect(other[1]!.unit).toBe('xDAI');
  });

  it("writes an executed commit's interval, what it gave and its fee, exactly; a pending one's interval only", () => {
    expect(at(200, 1)).toMatchObject({
      interval_id: '8',
      fee_raw: EXPECTED.mint.fee.toString(),
      fee_decimals: '9',
      received_raw: EXPECTED.mint.received.toString(),
      received_decimals: '9',
      received: '49.5',
      received_unit: 'S tokens',
    });
    expect(at(240, 0)).toMatchObject({
      interval_id: '9',
      fee_raw: EXPECTED.burn.fee.toString(),
      fee: '0.2',
      received_raw: EXPECTED.burn.received.toString(),
      received: '39.8',
      received_unit: 'OHM',
    });
    expect(parseUnits(at(240, 0).received, 9)).toBe(EXPECTED.burn.received);
    // Pending: its burning fee is not known yet, and it has given nothing.
    expect(at(250, 0)).toMatchObject({
      interval_id: '10',
      amount_raw: (5n * OHM).toString(),
      fee_raw: '',
      fee: '',
      received_raw: '',
      received: '',
      received_unit: '',
    });
    // Claims, AutoClaim and transfers have no execution.
    for (const r of [at(230, 0), at(230, 3)]) expect(r).toMatchObject({ interval_id: '', received_raw: '' });
  });

  it('takes the executions it is given, as the card passes those of the whole history with a filter on', () => {
    const burnOnly = { pool: ACTIVITY.pool, events: [ACTIVITY.events[4]!] };
    // Without the pool's prices the burn's fee and proceeds are not known: empty, never zero.
    expect(csvObjects<LedgerColumn>(ledgerCsv([burnOnly])).rows[0]).toMatchObject({
      fee_raw: '',
      received_raw: '',
    });
    const [row] = csvObjects<LedgerColumn>(
      ledgerCsv([burnOnly], { executions: executionRows([ACTIVITY]) }),
    ).rows;
    expect(row).toMatchObject({
      fee_raw: EXPECTED.burn.fee.toString(),
      received_raw: EXPECTED.burn.received.toString(),
    });
  });
});
