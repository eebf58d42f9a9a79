// GET /v1/roles and GET /v1/roles/{id}: the role profiles a gap report can target, from data/roles.yaml
// as loaded at boot. A profile comes back with its credentials and next steps resolved.
import { appError } from '../errors.js';
import { type RoleDetail, RoleDetailSchema, type RoleList, RoleListSchema, RoleParamsSchema } from '../schemas/roles.js';
import type { RoleKnowledge } from '../taxonomy/load-roles.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

export function describeRole(knowledge: RoleKnowledge, id: string): RoleDetail | undefined {
  const role = knowledge.rolesById.get(id);
  if (!role) return undefined;
  return {
    ...role,
    credentials: role.credentials.flatMap((c) => knowledge.credentials.get(c) ?? []),
    nextSteps: role.nextSteps.flatMap((s) => knowledge.steps.get(s) ?? []),
  };
}

export function listRoles(knowledge: RoleKnowledge): RoleList {
  return {
    roles: knowledge.roles.map((r) => ({
      id: r.id,
      title: r.title,
      level: r.level,
      summary: r.summary,
      onetCode: r.onet.code,
      default: r.id === knowledge.defaultTargetRole,
    })),
  };
}

export const roleRoutes: RouteFactory = (app) => [
  defineRoute(
    {
      method: 'GET',
      url: '/v1/roles',
      operationId: 'listRoles',
      summary: 'List the target role profiles',
      description:
        'Every role a gap report can target (`targetRole` of POST /v1/analyses), with its O*NET code.',
      tags: ['roles'],
      response: RoleListSchema,
      errors: [],
      examples: { response: listRoles(app.knowledge.roles) },
    },
    async () => listRoles(app.knowledge.roles),
  ),
  defineRoute(
    {
      method: 'GET',
      url: '/v1/roles/:id',
      operationId: 'getRole',
      summary: 'One role profile',
      description:
        'The required competencies (level and weight), O*NET and ESCO codes, the typical credentials with their ' +
        'eligibility rules, and the next steps the gap report draws from.',
      tags: ['roles'],
      params: RoleParamsSchema,
      response: RoleDetailSchema,
      errors: ['NOT_FOUND', 'INVALID_REQUEST'],
      examples: { response: describeRole(app.knowledge.roles, app.knowledge.roles.defaultTargetRole) },
    },
    async (request) => {
      const { id } = request.params;
      const role = describeRole(app.knowledge.roles, id);
      if (!role) throw appError('NOT_FOUND', `role "${id}"; see GET /v1/roles`);
      return role;
    },
  ),
];
