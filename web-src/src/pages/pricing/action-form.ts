import type { FormField, RuleForm } from '../../api/pricing';

/**
 * The rule editor keeps an action as a flat map of the form's dot-path field names ("floor.attribute") and
 * turns it into the nested action object the server validates. Empty fields are left out, so the server's
 * defaults and its field-named 400s apply.
 */
export type FlatAction = Record<string, string>;

const NUMERIC_KINDS = new Set(['integer']);

export const flattenAction = (action: Record<string, unknown>, prefix = ''): FlatAction => {
  const flat: FlatAction = {};
  for (const [key, value] of Object.entries(action)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(flat, flattenAction(value as Record<string, unknown>, path));
    else if (value !== null && value !== undefined) flat[path] = String(value);
  }
  return flat;
};

export const isVisible = (field: FormField, values: FlatAction): boolean =>
  !field.visibleWhen || field.visibleWhen.oneOf.map(String).includes(values[field.visibleWhen.field] ?? '');

const numericSelect = (field: FormField) => field.options?.some((o) => typeof o.value === 'number') ?? false;

/** The nested action for a rule type from the visible, non-empty fields of its form. */
export const buildAction = (form: RuleForm, values: FlatAction): Record<string, unknown> => {
  const action: Record<string, unknown> = { type: form.code };
  for (const section of form.sections)
    for (const field of section.fields) {
      const raw = values[field.name];
      if (raw === undefined || raw === '' || !isVisible(field, values)) continue;
      const value = NUMERIC_KINDS.has(field.kind) || numericSelect(field) ? Number(raw) : raw;
      const parts = field.name.split('.');
      let target = action;
      for (const part of parts.slice(0, -1)) {
        target[part] = (target[part] as Record<string, unknown> | undefined) ?? {};
        target = target[part] as Record<string, unknown>;
      }
      target[parts[parts.length - 1]] = value;
    }
  if (form.code === 'intelligent' && !action.ceiling) action.ceiling = null;
  return action;
};

/** Defaults of a form, for a new rule. */
export const defaultValues = (form: RuleForm): FlatAction => {
  const values: FlatAction = {};
  for (const section of form.sections)
    for (const field of section.fields) {
      if (field.default !== undefined) values[field.name] = String(field.default);
      else if (field.kind === 'select' && field.required && field.options?.length && !field.name.startsWith('ceiling'))
        values[field.name] = String(field.options[0].value);
    }
  return values;
};
