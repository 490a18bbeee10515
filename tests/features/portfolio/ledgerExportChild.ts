/** Run in a child process (with whatever locale and time zone it was given): prints the fixture's CSV. */
import { ledgerCsv } from '../../../src/features/portfolio/ledgerCsv.ts';
import { HISTORY } from './ledgerFixture.ts';

process.stdout.write(
  JSON.stringify({
    csv: ledgerCsv(HISTORY),
    locale: new Intl.NumberFormat().resolvedOptions().locale,
    sample: (1234.5).toLocaleString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }),
);
