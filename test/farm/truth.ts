// The farm's ground truth, read off the same page pieces the servers render.
import type { DisclosureItem } from '../../src/model.ts';
import type { DecoySentence, FarmSite, PlantedClaim } from './farm.ts';
import { missingOf } from './sites/clinic-builder.ts';
import type { Gen, PageSpec, SiteSpec } from './spec.ts';
import { inGen } from './spec.ts';

export interface Running {
  spec: SiteSpec;
  site: FarmSite;
}

function isDisallowed(spec: SiteSpec, path: string): boolean {
  return (spec.disallow ?? []).some((p) => path.startsWith(p));
}

function livePages(spec: SiteSpec, gen: Gen): PageSpec[] {
  return spec.pages.filter((p) => inGen(p.gens, gen));
}

export function plantedClaims(running: Running[], gen: Gen): PlantedClaim[] {
  return running.flatMap(({ spec, site }) =>
    livePages(spec, gen).flatMap((page) =>
      page.body.flatMap((piece) => {
        if (typeof piece === 'string' || piece.type !== 'claim' || !inGen(piece.gens, gen)) return [];
        const generations = ([1, 2] as Gen[]).filter((g) => inGen(spec.gens, g) && inGen(page.gens, g) && inGen(piece.gens, g));
        return piece.categories.map((category) => ({
          site: site.key,
          url: new URL(page.path, site.baseUrl).href,
          category,
          sentence: piece.sentence,
          reachable: !isDisallowed(spec, page.path),
          needsBrowser: spec.needsBrowser === true,
          generations,
        }));
      }),
    ),
  );
}

export function decoySentences(running: Running[], gen: Gen): DecoySentence[] {
  return running.flatMap(({ spec, site }) =>
    livePages(spec, gen).flatMap((page) =>
      page.body.flatMap((piece) =>
        typeof piece !== 'string' && piece.type === 'decoy' && inGen(piece.gens, gen)
          ? [{ site: site.key, url: new URL(page.path, site.baseUrl).href, sentence: piece.sentence, why: piece.why }]
          : [],
      ),
    ),
  );
}

export function missingDisclosures(running: Running[]): Record<string, DisclosureItem[]> {
  return Object.fromEntries(running.filter((r) => r.spec.disclosuresGiven).map((r) => [r.site.key, missingOf(r.spec.disclosuresGiven ?? [])]));
}
