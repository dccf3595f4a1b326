/**
 * `npx tsx scripts/bench/profile.ts <file.cpuprofile> [--during=<text>] [--top=N]`: where a CPU
 * profile of the app (`npm run bench -- --cpu-prof`) spent its time. Each sample is charged to the
 * nearest frame of the app (`dist/src/...`) or of a package (`node_modules/<name>`) on its stack,
 * so Node's internals count for whoever called them (a socket write for the logger that wrote). With
 * `--during`, only the samples from the first to the last whose stack holds a frame from a file
 * containing that text (e.g. `fast-views` for the views target's time).
 */

import fs from 'node:fs';
import { parseArgs } from 'node:util';

import { runCommand, wholeNumber } from '../cli-options';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Options {
  file: string;
  during?: string;
  top: number;
}

const HELP = `npx tsx scripts/bench/profile.ts <file.cpuprofile> [--during=TEXT] [--top=N]

Charges each sample of a CPU profile to the nearest app (dist/src) or package (node_modules)
frame on its stack, and prints the shares. --during=TEXT keeps the samples from the first to the
last whose stack holds a frame from a file containing TEXT (e.g. fast-views). --top: rows (30).`;

const parse = (argv: string[]): Options | undefined => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      during: { type: 'string' },
      top: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  if (positionals.length !== 1) throw new Error('One .cpuprofile file, please.');
  return { file: positionals[0], during: values.during, top: wholeNumber('top', values.top) ?? 30 };
};

/** `node_modules/@scope/name` or `node_modules/name` as `@scope/name`, `dist/src/x.js` as `src/x.js`. */
const ownerOf = (url: string): string | undefined => {
  const inPackage = url.lastIndexOf('node_modules/');
  if (inPackage >= 0) {
    const parts = url.slice(inPackage + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const inDist = url.lastIndexOf('/dist/');
  return inDist >= 0 ? url.slice(inDist + '/dist/'.length) : undefined;
};

export const chargeProfile = (profile: Profile, during?: string) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  profile.nodes.forEach((node) => node.children?.forEach((child) => parent.set(child, node.id)));
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    return stack;
  };
  const stacks = profile.samples.map(stackOf);
  const inside = stacks.map(
    (stack) => !during || stack.some((node) => node.callFrame.url.includes(during)),
  );
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  const owners = new Map<string, number>();
  let total = 0;
  for (let index = Math.max(first, 0); index <= last; index += 1) {
    // A sample's time is the gap to the next one.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    total += micros;
    const stack = stacks[index];
    const owner =
      stack.map((node) => ownerOf(node.callFrame.url)).find(Boolean) ??
      (stack[0]?.callFrame.functionName || '(unknown)');
    owners.set(owner, (owners.get(owner) ?? 0) + micros);
  }
  return {
    seconds: total / 1e6,
    shares: [...owners]
      .sort((a, b) => b[1] - a[1])
      .map(([owner, micros]) => ({ owner, share: total > 0 ? micros / total : 0 })),
  };
};

const run = async ({ file, during, top }: Options): Promise<number> => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const { seconds, shares } = chargeProfile(profile, during);
  process.stdout.write(
    `${seconds.toFixed(1)} s of samples${during ? ` while ${during} ran` : ''}\n` +
      shares
        .slice(0, top)
        .map(({ owner, share }) => `${(share * 100).toFixed(1).padStart(5)} %  ${owner}`)
        .join('\n') +
      '\n',
  );
  return 0;
};

runCommand('bench profile', { help: HELP, parse, run });
