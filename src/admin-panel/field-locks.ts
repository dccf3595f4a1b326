/**
 * Article fields an Author may not write: left out of the Author role's create and update
 * permissions (src/setup/admin-roles.ts), so the edit view shows them read-only to Authors.
 * Fields the article type lacks are skipped.
 */
export const AUTHOR_READ_ONLY_FIELDS = [
  // Editors' decisions: a changed value is refused with a 403 that says so (see refusals.ts).
  'scheduledAt',
  'breaking',
  'breakingUntil',
  // Set by the server: whatever a form sends is ignored anyway.
  'originallyPublishedAt',
  'readingTimeMinutes',
  'lastSubstantiveUpdateAt',
] as const;

/** The read-only fields an Author's change to is refused rather than silently dropped. */
export const EDITOR_DECISIONS: Record<string, string> = {
  scheduledAt: 'schedule publication',
  breaking: 'flag breaking news',
  breakingUntil: 'set how long an article stays breaking news',
};

/** `fields` (a permission's field list, nested ones as `seo.metaTitle`) without the locked ones. */
export const withoutAuthorLockedFields = (fields: readonly string[]): string[] =>
  fields.filter(
    (field) =>
      !AUTHOR_READ_ONLY_FIELDS.some((locked) => field === locked || field.startsWith(`${locked}.`)),
  );
