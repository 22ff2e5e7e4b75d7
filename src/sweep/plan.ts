// A sweep's plan (the sites discovery found, with their start URLs), kept
// beside its snapshots so `--resume` continues the same sites without asking
// the search providers again.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DiscoveredSite } from '../discover/discover.ts';

const PlanSchema = z.object({
  sites: z.array(
    z.object({
      key: z.string(),
      startUrls: z.array(z.string()),
      fromSeeds: z.boolean(),
      fromSearch: z.boolean(),
    }),
  ),
});

const planFile = (dataDir: string, sweepId: string) => path.join(dataDir, sweepId, 'plan.json');

export async function writePlan(dataDir: string, sweepId: string, sites: DiscoveredSite[]): Promise<void> {
  const file = planFile(dataDir, sweepId);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify({ sites }, null, 1));
  await rename(tmp, file);
}

/** The plan, or undefined when the sweep was killed before it was written. */
export async function readPlan(dataDir: string, sweepId: string): Promise<DiscoveredSite[] | undefined> {
  const file = planFile(dataDir, sweepId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = PlanSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is damaged (${parsed.error.issues[0]?.message}); start a new sweep instead of --resume`);
  return parsed.data.sites;
}
