/**
 * A private PostgreSQL cluster for a test: Debian's server binaries (/usr/lib/postgresql/<version>/bin, not on
 * PATH), a fresh data directory in a temp folder, a free loopback port, trust auth, removed on stop. The
 * server refuses to run as root, so under root it runs as the `postgres` system user the package creates.
 * .ci/run installs the package when it is missing; nothing here starts or touches a system cluster.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../devnet/lib/node.ts';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
/** The system user the server runs as when we are root. */
const PG_USER = 'postgres';

export type PostgresAvailability = { ok: true } | { ok: false; why: string };

export interface RunningPostgres {
  /** A connection URL for the superuser on the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin directory, or undefined. */
function serverBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(PG_ROOT, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the `postgres` user, from /etc/passwd (no lookup tool needed). */
function pgUserIds(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${PG_USER}:`));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

export function postgresAvailable(): PostgresAvailability {
  const bin = serverBin();
  if (!bin)
    return { ok: false, why: `no PostgreSQL server under ${PG_ROOT}/*/bin (apt-get install postgresql)` };
  if (isRoot() && !pgUserIds())
    return { ok: false, why: `running as root and there is no "${PG_USER}" user to run the server as` };
  return { ok: true };
}

/** Runs a server binary, as the `postgres` user when we are root. */
function asServerUser(bin: string, args: string[]) {
  return isRoot() ? run('runuser', ['-u', PG_USER, '--', bin, ...args]) : run(bin, args);
}

export async function startPostgres(): Promise<RunningPostgres> {
  const available = postgresAvailable();
  if (!available.ok) throw new Error(`PostgreSQL is not available: ${available.why}`);
  const bin = serverBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'olympus-pg-'));
  const ids = isRoot() ? pgUserIds() : undefined;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  try {
    await asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      PG_USER,
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    // A throwaway cluster: durability settings off, the socket in our folder (not /var/run/postgresql).
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await asServerUser(pgCtl, [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
      'start',
    ]);
    started = true;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${PG_USER}@127.0.0.1:${port}/postgres`,
    stop() {
      stopped ??= (async () => {
        try {
          // Immediate: the data is thrown away, so there is nothing to flush.
          if (started) await asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      })();
      return stopped;
    },
  };
}
