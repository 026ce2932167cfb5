import { Button, Content, Flex, Heading, InlineAlert, Item, Picker, TextArea, TextField } from '@adobe/react-spectrum';
import { useState } from 'react';
import { ActionError, messageOf } from '../../api/client';
import type { CommerceOptions, FormFieldView } from '../../api/stores';

/**
 * One settings section rendered from its form description (src/core/listings/settings-form.ts). Only the fields
 * the merchant changed are sent; the server validates and answers 400 with the offending fields, shown inline.
 */
const NONE = '__none';

const getPath = (root: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    root,
  );

const ATTRIBUTE_INPUTS: Record<string, string[]> = {
  price: ['price'],
  dropdown: ['select', 'multiselect', 'boolean'],
  text: ['text', 'textarea'],
};

export interface SectionFormProps {
  /** Values of this section (a listing section object, or the whole order settings). */
  values: Record<string, unknown>;
  fields: FormFieldView[];
  /** Prefix of field ids to strip ("listingPrice." for listing sections, "" for order settings). */
  prefix: string;
  country: string;
  options?: CommerceOptions;
  saveLabel: string;
  onSave: (values: Record<string, unknown>) => Promise<unknown>;
  testId: string;
}

/** Text the inputs edit: everything as a string; converted back by the field's type on save. */
const toText = (field: FormFieldView, value: unknown): string => {
  if (value === null || value === undefined)
    return field.type === 'attribute' || field.type === 'currencyRate' || field.type === 'storeView' ? NONE : '';
  if (field.type === 'currencyRate' && typeof value === 'object') {
    const rate = value as { from: string; to: string };
    return `${rate.from}>${rate.to}`;
  }
  if (field.type === 'stringList' && Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const fromText = (field: FormFieldView, text: string, original: unknown): unknown => {
  if (text === NONE) return null;
  if (typeof original === 'boolean' || field.default === true || field.default === false) return text === 'true';
  if (field.type === 'integer') return text.trim() === '' ? text : Number(text);
  if (field.type === 'currencyRate') {
    const [from, to] = text.split('>');
    return { from, to };
  }
  if (field.type === 'stringList')
    return text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  if (field.type === 'tiers' || field.type === 'conditionMapping') {
    try {
      return JSON.parse(text || (field.type === 'tiers' ? '[]' : '{}'));
    } catch {
      return text;
    }
  }
  if ((field.type === 'text' || field.type === 'orderStatus') && original === null && text === '') return null;
  return text;
};

export const SettingsSectionForm = (props: SectionFormProps) => {
  const { fields, prefix, values, options } = props;
  const visible = fields.filter((field) => !field.countries || field.countries.includes(props.country));
  const initial = Object.fromEntries(
    visible.map((field) => [field.id, toText(field, getPath(values, field.id.slice(prefix.length).split('.')))]),
  );
  const [texts, setTexts] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'failed'; message?: string }>({
    kind: 'idle',
  });

  const enabled = (field: FormFieldView) => {
    if (!field.enabledWhen) return true;
    const other = visible.find((candidate) => candidate.id === field.enabledWhen?.field);
    if (!other) return true;
    const value = fromText(other, texts[other.id] ?? '', field.enabledWhen.equals);
    // '*' means "once the other field has any value" (e.g. the attribute of a chosen product ID type).
    if (field.enabledWhen.equals === '*') return value !== null && value !== '';
    return value === field.enabledWhen.equals;
  };

  const save = () => {
    const patch: Record<string, unknown> = {};
    for (const field of visible) {
      if (texts[field.id] === initial[field.id]) continue;
      const path = field.id.slice(prefix.length).split('.');
      const original = getPath(values, path);
      const value = fromText(field, texts[field.id] ?? '', original);
      if (path.length === 1) patch[path[0]] = value;
      else {
        // Nested record (seller notes per condition): send the whole record with the change applied.
        const record = { ...((patch[path[0]] ?? values[path[0]] ?? {}) as Record<string, unknown>) };
        record[path[1]] = value;
        patch[path[0]] = record;
      }
    }
    setStatus({ kind: 'saving' });
    setErrors({});
    props.onSave(patch).then(
      () => setStatus({ kind: 'saved', message: Object.keys(patch).length ? 'Saved.' : 'Nothing changed.' }),
      (error: unknown) => {
        if (error instanceof ActionError) {
          // Server field names are paths inside the settings; show them on our field ids.
          const mapped: Record<string, string> = {};
          for (const [field, message] of Object.entries(error.fields)) {
            const id = visible.find((candidate) => candidate.id === field || candidate.id === `${prefix}${field}`)?.id;
            mapped[id ?? field] = message;
          }
          setErrors(mapped);
        }
        setStatus({ kind: 'failed', message: messageOf(error) });
      },
    );
  };

  const input = (field: FormFieldView) => {
    const common = {
      label: field.label,
      isRequired: field.required,
      isDisabled: !enabled(field),
      description: field.help,
      validationState: errors[field.id] ? ('invalid' as const) : undefined,
      errorMessage: errors[field.id],
      'data-testid': `setting-${field.id}`,
      width: 'size-4600' as const,
    };
    const text = texts[field.id] ?? '';
    const onChange = (value: string | number | null) =>
      setTexts((current) => ({ ...current, [field.id]: String(value ?? '') }));
    const picker = (items: Array<{ value: string; label: string }>) => (
      <Picker {...common} selectedKey={text} onSelectionChange={onChange}>
        {items.map((item) => (
          <Item key={item.value}>{item.label}</Item>
        ))}
      </Picker>
    );
    switch (field.type) {
      case 'select':
        return picker(field.options ?? []);
      case 'attribute': {
        const allowed = field.attributeFilter && ATTRIBUTE_INPUTS[field.attributeFilter];
        const attributes = (options?.attributes ?? []).filter((a) => !allowed || allowed.includes(a.input));
        const items = [
          { value: NONE, label: '-- None --' },
          ...attributes.map((a) => ({ value: a.code, label: `${a.label} (${a.code})` })),
        ];
        if (text !== NONE && !items.some((item) => item.value === text))
          items.push({ value: text, label: `${text} (not found in Commerce)` });
        return picker(items);
      }
      case 'currencyRate': {
        const rates = options?.currency?.rates ?? [];
        const items = [
          { value: NONE, label: 'Disabled' },
          ...rates.map((r) => ({ value: `${r.from}>${r.to}`, label: `${r.from} to ${r.to} (${r.rate})` })),
        ];
        if (text !== NONE && !items.some((item) => item.value === text))
          items.push({ value: text, label: text.replace('>', ' to ') });
        return picker(items);
      }
      case 'storeView':
        return picker([
          { value: NONE, label: 'Default store view of the store’s website' },
          ...(options?.storeViews ?? []).map((view) => ({ value: view.code, label: `${view.name} (${view.code})` })),
        ]);
      case 'textarea':
        return <TextArea {...common} value={text} onChange={onChange} maxLength={field.maxLength} />;
      case 'tiers':
      case 'conditionMapping':
        return (
          <TextArea
            {...common}
            value={text}
            onChange={onChange}
            description={
              field.type === 'tiers'
                ? 'Up to 5 levels as JSON, e.g. [{"minQuantity": 5, "discountPercent": "5"}]'
                : 'Amazon condition → Commerce option labels as JSON, e.g. {"used_good": ["Used"]}'
            }
          />
        );
      default:
        return <TextField {...common} value={text} onChange={onChange} maxLength={field.maxLength} />;
    }
  };

  return (
    <Flex direction="column" gap="size-150" data-testid={props.testId}>
      {visible.map((field) => (
        <div key={field.id}>{input(field)}</div>
      ))}
      <Flex gap="size-150" alignItems="center">
        <Button variant="accent" onPress={save} isPending={status.kind === 'saving'} data-testid="settings-save">
          {props.saveLabel}
        </Button>
        {status.kind === 'saved' && <span data-testid="settings-saved">{status.message}</span>}
      </Flex>
      {status.kind === 'failed' && (
        <InlineAlert variant="negative" data-testid="settings-error">
          <Heading>The settings were not saved</Heading>
          <Content>{status.message}</Content>
        </InlineAlert>
      )}
    </Flex>
  );
};
