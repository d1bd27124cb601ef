// When to remind the user to export a plan: its only copy is in this browser, and browsers can clear storage.

/** A plan changed and not exported for this long gets a reminder. */
export const EXPORT_REMINDER_MS = 7 * 24 * 60 * 60 * 1000;

export interface ExportTimes {
  createdAt: string;
  updatedAt: string;
  lastExportedAt: string | null;
}

/** True when the plan has changes that have not been in any exported file for a week or more. */
export function exportDue(plan: ExportTimes, now: Date): boolean {
  const since = plan.lastExportedAt ?? plan.createdAt;
  return now.getTime() - new Date(since).getTime() > EXPORT_REMINDER_MS && plan.updatedAt > since;
}
