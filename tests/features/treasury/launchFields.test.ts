import { describe, expect, it } from 'vitest';
import { readFees, readPercentWad } from '../../../src/features/treasury/feeFields.ts';
import {
  MAX_INTERVAL_SECONDS,
  marketFromDescription,
  maxUpdateIntervalFor,
  readAddress,
  readIntervals,
  readLeverage,
  readMarket,
  readSeconds,
} from '../../../src/features/treasury/launchFields.ts';
import { DEFAULT_INTERVALS, launchParams } from '../../../src/features/treasury/links.ts';

const message = (field: { ok: boolean; message?: string }) => (field.ok ? undefined : field.message);

describe('percentages to WAD', () => {
  it('reads the decimal digits exactly, with no float on the way', () => {
    expect(readPercentWad('0.5', 'en-US')).toEqual({ ok: true, value: 5_000_000_000_000_000n });
    expect(readPercentWad('0,3 %', 'de-DE')).toEqual({ ok: true, value: 3_000_000_000_000_000n });
    expect(readPercentWad('100', 'en-US')).toEqual({ ok: true, value: 10n ** 18n });
    expect(readPercentWad('0', 'en-US')).toEqual({ ok: true, value: 0n });
    // 0.1 + 0.2 in floats is 0.30000000000000004: the WAD is exactly 3e15.
    expect(readPercentWad('0.3', 'en-US')).toEqual({ ok: true, value: 3n * 10n ** 15n });
    // The smallest step a WAD rate has: one wei.
    expect(readPercentWad('0.0000000000000001', 'en-US')).toEqual({ ok: true, value: 1n });
  });

  it('refuses what is not a percentage, each with one sentence', () => {
    expect(message(readPercentWad('', 'en-US'))).toBe('Enter a percentage, like 0.5, or 0 for none.');
    expect(message(readPercentWad('abc', 'en-US'))).toBe('Enter a percentage, like 0.5.');
    expect(message(readPercentWad('-1', 'en-US'))).toBe('A fee cannot be negative.');
    expect(message(readPercentWad('0.00000000000000001', 'en-US'))).toBe(
      'Use at most 16 digits after the point.',
    );
    expect(message(readPercentWad('1,5', 'en-US'))).toMatch(/^Use a point for decimals/);
  });

  it('bounds each fee as the committer does at deployment', () => {
    const fees = (mintingFee: string, burningFee: string, changeInterval: string) =>
      readFees({ mintingFee, burningFee, changeInterval }, 'en-US');
    const ok = fees('100', '10', '100');
    expect([ok.mintingFee.ok, ok.burningFee.ok, ok.changeInterval.ok]).toEqual([true, true, true]);
    const over = fees('100.0000000000000001', '10.0000000000000001', '100.0000000000000001');
    expect(message(over.mintingFee)).toBe('The minting fee can be at most 100%.');
    expect(message(over.burningFee)).toBe('The burning fee can be at most 10%: the committer refuses more.');
    expect(message(over.changeInterval)).toBe('The change interval can be at most 100% per update.');
  });
});

describe('fees as typed in one locale and read in another', () => {
  const fees = (text: string, locale: string) =>
    readFees({ mintingFee: text, burningFee: text, changeInterval: text }, locale);

  it('refuses a space inside a fee instead of reading "1 5" as a 15% fee', () => {
    expect(message(fees('1 5', 'en-US').mintingFee)).toBe('Type the number without spaces, like 0.5.');
    expect(message(fees('1 5', 'de-DE').mintingFee)).toBe('Type the number without spaces, like 0,5.');
    // fr-FR groups with a space, but only by three.
    expect(message(fees('1 5', 'fr-FR').mintingFee)).toBe(
      'Check the digit grouping, or type the number without it, like 0,5.',
    );
    expect(fees(' 1,5 % ', 'fr-FR').mintingFee).toEqual({ ok: true, value: 15n * 10n ** 15n });
  });

  it('refuses a fee that a signer opening the link in another locale would read as another amount', () => {
    // "1,050" is 1.05% in German and 1050% in English: the link is refused, not misread by one of them.
    expect(message(fees('1,050', 'de-DE').mintingFee)).toBe(
      'This link may be opened where “,” groups thousands, which reads it as 1050: write 1,05.',
    );
    expect(fees('1,05', 'de-DE').mintingFee).toEqual({ ok: true, value: 105n * 10n ** 14n });
    expect(message(fees('1.000', 'en-US').changeInterval)).toBe(
      'This link may be opened where “.” groups thousands, which reads it as 1000: write 1.',
    );
    // Three decimals are a thousands group elsewhere; a fourth keeps them a fraction everywhere.
    expect(message(fees('2,125', 'fr-FR').burningFee)).toBe(
      'This link may be opened where “,” groups thousands, which reads it as 2125: write 2,1250.',
    );
    for (const locale of ['fr-FR', 'de-DE', 'en-US']) {
      const read = fees('2,1250', locale).burningFee;
      expect([locale, read.ok && read.value]).toEqual([
        locale,
        locale === 'en-US' ? false : 2125n * 10n ** 13n,
      ]);
    }
    // No one groups "0,050" as thousands (a group never starts with 0): it is 0.05% wherever it is read.
    expect(fees('0,050', 'de-DE').mintingFee).toEqual({ ok: true, value: 5n * 10n ** 14n });
    expect(message(fees('0,050', 'en-US').mintingFee)).toBe('Use a point for decimals: 0.05.');
    // Above its bound, a fee is refused for that first, whatever another locale makes of it.
    expect(message(fees('1,000', 'en-US').mintingFee)).toBe('The minting fee can be at most 100%.');
  });

  it('writes the default fees in the locale the form reads them in', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'ar-EG']) {
      const params = launchParams(DEFAULT_INTERVALS, locale);
      const read = readFees(
        {
          mintingFee: params.mintFee.defaultValue,
          burningFee: params.burnFee.defaultValue,
          changeInterval: params.change.defaultValue,
        },
        locale,
      );
      expect([locale, read]).toEqual([
        locale,
        {
          mintingFee: { ok: true, value: 5n * 10n ** 15n },
          burningFee: { ok: true, value: 3n * 10n ** 15n },
          changeInterval: { ok: true, value: 0n },
        },
      ]);
    }
    expect(launchParams(DEFAULT_INTERVALS, 'de-DE').mintFee.defaultValue).toBe('0,5');
  });

  it('takes "-0" as no fee rather than a negative one', () => {
    expect(fees('-0', 'en-US').mintingFee).toEqual({ ok: true, value: 0n });
    expect(message(fees('-0.1', 'en-US').mintingFee)).toBe('A fee cannot be negative.');
  });
});

describe('whole numbers in the link', () => {
  it('takes bare digits only, and says so to a number written with separators', () => {
    expect(message(readSeconds('3,600', 'update interval', 'en-US'))).toBe(
      'Type the update interval as digits only: 3600.',
    );
    expect(message(readSeconds('3.600', 'update interval', 'de-DE'))).toBe(
      'Type the update interval as digits only: 3600.',
    );
    // 3,600 is 3.6 in German: not a whole number there.
    expect(message(readSeconds('3,600', 'update interval', 'de-DE'))).toBe(
      'The update interval is a whole number of seconds, like 60.',
    );
    expect(message(readLeverage('-2', 'en-US'))).toBe('The leverage cannot be negative.');
    expect(readLeverage('\u0663', 'ar-EG')).toEqual({ ok: true, value: 3 });
    // A bound comes first, so that the digits suggested are ones the field takes.
    expect(message(readLeverage('100,000', 'en-US'))).toBe(
      'The leverage can be at most 65535: the contracts keep it in 16 bits.',
    );
    expect(message(readIntervals('3,600', '60', undefined, 'en-US').update)).toBe(
      'Type the update interval as digits only: 3600.',
    );
    expect(message(readIntervals('3600', '4,000', undefined, 'en-US').frontRunning)).toBe(
      'The front-running interval must be shorter than the update interval (3600 seconds).',
    );
  });
});

describe('leverage and intervals', () => {
  it('takes a whole leverage from 1 to 65535', () => {
    expect(readLeverage(' 2 ')).toEqual({ ok: true, value: 2 });
    expect(readLeverage('65535')).toEqual({ ok: true, value: 65535 });
    expect(message(readLeverage('0'))).toBe('The leverage cannot be 0: the factory refuses it.');
    expect(message(readLeverage('65536'))).toBe(
      'The leverage can be at most 65535: the contracts keep it in 16 bits.',
    );
    expect(message(readLeverage('2.5'))).toBe('The leverage is a whole number, like 2.');
    expect(message(readLeverage(''))).toBe('Enter the leverage, like 2.');
  });

  it('keeps the per-interval fee below 100%: at 2% a year, 1,577,847,599 seconds at most', () => {
    const annual = 2n * 10n ** 16n;
    expect(maxUpdateIntervalFor(annual)).toBe(1_577_847_599);
    expect(maxUpdateIntervalFor(0n)).toBe(MAX_INTERVAL_SECONDS);
    expect(readIntervals('1577847599', '10', annual).update.ok).toBe(true);
    expect(message(readIntervals('1577847600', '10', annual).update)).toBe(
      'At most 1577847599 seconds: a longer interval would charge 100% or more of the pool per interval.',
    );
  });

  it('wants a front-running interval shorter than the update interval, and both in 32 bits', () => {
    expect(readIntervals('60', '10', undefined)).toEqual({
      update: { ok: true, value: 60 },
      frontRunning: { ok: true, value: 10 },
    });
    expect(message(readIntervals('60', '60', undefined).frontRunning)).toBe(
      'The front-running interval must be shorter than the update interval (60 seconds).',
    );
    expect(message(readIntervals('0', '0', undefined).update)).toBe(
      'The update interval must be at least 1 second.',
    );
    expect(message(readIntervals('4294967296', '0', undefined).update)).toBe(
      'The update interval can be at most 4294967295 seconds.',
    );
    expect(message(readIntervals('60', '1.5', undefined).frontRunning)).toBe(
      'The front-running interval is a whole number of seconds, like 60.',
    );
  });
});

describe('addresses and the market', () => {
  it('reads an address, and names what is not one', () => {
    expect(readAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3', 'feed').ok).toBe(true);
    expect(message(readAddress('', 'market price feed'))).toBe('Enter the market price feed’s address.');
    expect(message(readAddress('0x12', 'feed'))).toBe(
      '“0x12” is not an address: it is 0x followed by 40 hexadecimal characters.',
    );
  });

  it('checksums an address typed in any case, and refuses mixed case that is not its checksum', () => {
    const checksummed = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    expect(readAddress(` ${checksummed.toLowerCase()} `, 'feed')).toEqual({ ok: true, value: checksummed });
    const altered = checksummed.replace('F', 'f');
    expect(message(readAddress(altered, 'feed'))).toBe(
      `“${altered}” fails its checksum: a character was probably mistyped. Paste it again from its source.`,
    );
  });

  it('names the market from a Chainlink description, or as typed', () => {
    expect(marketFromDescription('ETH / USD')).toBe('ETH/USD');
    expect(marketFromDescription('A mock Chainlink V3 Aggregator')).toBeUndefined();
    expect(readMarket('', 'ETH/USD')).toEqual({ ok: true, value: 'ETH/USD' });
    expect(readMarket('BTC/USD', 'ETH/USD')).toEqual({ ok: true, value: 'BTC/USD' });
    expect(message(readMarket('', undefined))).toBe(
      'Name the market, like ETH/USD: the feed’s description does not say it.',
    );
    expect(message(readMarket('ETH+USD', undefined))).toBe('Name the market as BASE/QUOTE, like ETH/USD.');
  });
});
