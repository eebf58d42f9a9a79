// GET /v1/taxonomy: the competencies the analyzer knows, their HR-system identifiers and pattern counts.
// The body is built once from the boot-time taxonomy: it cannot change while the server runs.
import type { TaxonomyResponse } from '../schemas/taxonomy.js';
import { TaxonomyResponseSchema } from '../schemas/taxonomy.js';
import type { CompiledTaxonomy } from '../taxonomy/compile-taxonomy.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

const ONET_SKILL_URL = 'https://www.onetonline.org/find/descriptor/result/';

export function describeTaxonomy(taxonomy: CompiledTaxonomy): TaxonomyResponse {
  return {
    version: taxonomy.version,
    competencies: taxonomy.competencies.map((c) => {
      const patterns = c.patternIds.map((id) => taxonomy.patternById.get(id)!);
      return {
        id: c.id,
        name: c.name,
        pmName: c.pmName,
        definition: c.definition,
        talentTriangle: c.talentTriangle,
        ...(c.pmbokDomain ? { pmbokDomain: c.pmbokDomain } : {}),
        onet: {
          skills: c.onet.skills.map((id) => ({ id, url: `${ONET_SKILL_URL}${id}` })),
          tasks: c.onet.tasks.map((ref) => {
            const [occupation, taskId] = ref.split('/') as [string, string];
            return { occupation, taskId };
          }),
        },
        esco: c.esco,
        patternCount: patterns.length,
        phraseCount: patterns.reduce((n, p) => n + p.phraseCount, 0),
        patterns: patterns.map((p) => ({ id: p.id, framing: p.framing, claim: p.claim, phrases: p.phraseCount })),
      };
    }),
  };
}

export const taxonomyRoutes: RouteFactory = (app) => {
  const body = describeTaxonomy(app.knowledge.taxonomy);
  return [
    defineRoute(
      {
        method: 'GET',
        url: '/v1/taxonomy',
        operationId: 'getTaxonomy',
        summary: 'List the competencies, their identifiers and pattern counts',
        description:
          'The competency taxonomy the analyzer matches against (data/taxonomy.yaml, validated at boot): ' +
          'for each competency its PM-facing name, definition, PMI Talent Triangle side, PMBOK 7 performance ' +
          'domain, O*NET skill element and task statement IDs, ESCO skill URIs, and its patterns with their ' +
          'framing (cs: customer-service wording, pm: project-management wording, general). `version` is ' +
          'the `taxonomyVersion` every analysis reports.',
        tags: ['taxonomy'],
        response: TaxonomyResponseSchema,
        errors: [],
        // One competency of the real answer keeps the document readable.
        examples: { response: { ...body, competencies: body.competencies.slice(0, 1) } },
      },
      async () => body,
    ),
  ];
};
