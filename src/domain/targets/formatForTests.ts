// Shared by the targets tests: English number and date formatting, as the UI would inject it.

import type { TargetFormat } from './sentence';

export const english: TargetFormat = {
  number: (value, style, digits) =>
    new Intl.NumberFormat('en-US', {
      maximumFractionDigits: digits,
      ...(style === 'currency' ? { style: 'currency', currency: 'USD' } : {}),
    }).format(value),
  date: (iso) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    ),
};
