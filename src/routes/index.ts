// Every route of the API. app.ts registers exactly these; openapi.ts documents exactly these.
import { documentRoutes } from './documents.js';
import { healthRoutes } from './health.js';
import { rewriteRoutes } from './rewrites.js';
import type { RouteFactory } from './route-spec.js';

export const ROUTE_FACTORIES: RouteFactory[] = [healthRoutes, documentRoutes, rewriteRoutes];
