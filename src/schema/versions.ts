// Format identity and version of CX Align plan data, shared by the database and plan files.

/** The `format` field of every plan file. Do not change without a migration: older files would stop opening. */
export const PLAN_FORMAT = 'cx-align-plan';

/**
 * Version of the plan data shape, stored next to every plan in the database and in every plan file.
 * Do not change without a migration: bump it only together with a new entry in PLAN_MIGRATIONS (migrations.ts).
 */
export const PLAN_FORMAT_VERSION = 3;
