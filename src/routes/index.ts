// Every route of the API. app.ts registers exactly these; openapi.ts documents exactly these.
import { analysisRoutes } from './analyses.js';
import { batchRoutes } from './batches.js';
import { documentRoutes } from './documents.js';
import { healthRoutes } from './health.js';
import { metricsRoutes } from './metrics.js';
import { rewriteRoutes } from './rewrites.js';
import { roleRoutes } from './roles.js';
import type { RouteFactory } from './route-spec.js';
import { taxonomyRoutes } from './taxonomy.js';
import { tryItRoutes } from './try-it.js';

export const ROUTE_FACTORIES: RouteFactory[] = [healthRoutes, metricsRoutes, documentRoutes, analysisRoutes, taxonomyRoutes, roleRoutes, rewriteRoutes, tryItRoutes, batchRoutes];
