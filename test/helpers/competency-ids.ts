// The 19 core competency ids of ../shared/COMPETENCIES.md, for tests that build role data without
// loading the taxonomy (the server passes the taxonomy's own list).
export const COMPETENCY_IDS = [
  'communication',
  'problem-solving',
  'organization',
  'stakeholder-management',
  'conflict-resolution',
  'leadership',
  'collaboration',
  'process-improvement',
  'data-and-reporting',
  'tools-and-technology',
  'adaptability',
  'quality-management',
  'project-delivery',
  'planning-and-scheduling',
  'budget-and-cost',
  'risk-management',
  'scope-and-requirements',
  'pm-methodology',
  'pm-certification',
];

/** The seven role profiles issue 4 requires. */
export const REQUIRED_ROLE_IDS = [
  'project-coordinator',
  'project-assistant',
  'junior-project-manager',
  'project-manager',
  'project-customer-service-manager',
  'customer-service-manager',
  'scrum-master',
];
