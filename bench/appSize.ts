/** The built app's JavaScript: what the first page load fetches (entry plus modulepreloads), and all of it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AppSize {
  initialGzipBytes: number;
  initialFiles: string[];
  totalGzipBytes: number;
  totalFiles: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureAppSize(outDir: string): AppSize {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    initialGzipBytes: initial.reduce((sum, f) => sum + gz(join(outDir, f)), 0),
    initialFiles: initial,
    totalGzipBytes: assets.reduce((sum, f) => sum + gz(join(outDir, 'assets', f)), 0),
    totalFiles: assets.length,
  };
}
