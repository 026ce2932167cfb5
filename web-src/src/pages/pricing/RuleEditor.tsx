import {
  Button,
  ButtonGroup,
  Checkbox,
  Flex,
  Heading,
  InlineAlert,
  Content,
  Item,
  NumberField,
  Picker,
  Switch,
  TextArea,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { ActionError, messageOf } from '../../api/client';
import type { ConditionGroup, PricingRule, RuleDraft, RuleForm, RulesResponse } from '../../api/pricing';
import { buildAction, defaultValues, type FlatAction, flattenAction, isVisible } from './action-form';
import { ConditionsEditor } from './ConditionsEditor';

interface Props {
  meta: Required<Pick<RulesResponse, 'ruleForms' | 'conditionTypes' | 'priceAttributes'>>;
  rule?: PricingRule;
  onSave: (draft: RuleDraft) => Promise<void>;
  onDryRun: (draft: RuleDraft) => void;
  onCancel: () => void;
}

const emptyTree = (): ConditionGroup => ({ type: 'combine', aggregator: 'all', value: true, conditions: [] });

/** Rule editor (SPEC 5.2–5.5): general settings, conditions, and the chosen rule type's action form. */
export const RuleEditor = ({ meta, rule, onSave, onDryRun, onCancel }: Props) => {
  const [name, setName] = useState(rule?.name ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [active, setActive] = useState(rule?.active ?? true);
  const [fromDate, setFromDate] = useState(rule?.fromDate ?? '');
  const [toDate, setToDate] = useState(rule?.toDate ?? '');
  const [priority, setPriority] = useState<number>(rule?.priority ?? Number.NaN);
  const [discard, setDiscard] = useState(rule?.discardSubsequent ?? false);
  const [conditions, setConditions] = useState<ConditionGroup>((rule?.conditions as ConditionGroup) ?? emptyTree());
  const [ruleType, setRuleType] = useState<string>(rule?.action.type ?? 'standard');
  const [values, setValues] = useState<Record<string, FlatAction>>(() => {
    const initial: Record<string, FlatAction> = {};
    for (const form of meta.ruleForms) initial[form.code] = defaultValues(form);
    if (rule) initial[rule.action.type] = flattenAction(rule.action as Record<string, unknown>);
    return initial;
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const form = meta.ruleForms.find((f) => f.code === ruleType) as RuleForm;
  const current = values[ruleType] ?? {};
  const setField = (field: string, value: string) =>
    setValues((all) => ({ ...all, [ruleType]: { ...all[ruleType], [field]: value } }));

  const draft = (): RuleDraft => ({
    ...(rule ? { id: rule.id } : {}),
    name,
    ...(description ? { description } : {}),
    active,
    fromDate: fromDate || null,
    toDate: toDate || null,
    priority: Number.isFinite(priority) ? priority : null,
    discardSubsequent: discard,
    conditions,
    action: buildAction(form, current),
  });

  const save = async () => {
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      await onSave(draft());
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ActionError) setFieldErrors(e.fields);
    } finally {
      setSaving(false);
    }
  };
  const fieldError = (name: string) => fieldErrors[name] ?? fieldErrors[`action.${name}`];

  return (
    <View data-testid="rule-editor">
      <Heading level={3}>{rule ? `Edit pricing rule: ${rule.name}` : 'New pricing rule'}</Heading>
      {error && (
        <InlineAlert variant="negative" marginBottom="size-200" data-testid="rule-error">
          <Heading>Not saved</Heading>
          <Content>{error}</Content>
        </InlineAlert>
      )}
      <Heading level={4}>General Settings</Heading>
      <Flex direction="column" gap="size-100" maxWidth="size-6000">
        <TextField
          label="Rule Name"
          isRequired
          value={name}
          onChange={setName}
          validationState={fieldError('name') ? 'invalid' : undefined}
          errorMessage={fieldError('name')}
          data-testid="rule-name"
        />
        <TextArea label="Description" value={description} onChange={setDescription} />
        <Switch isSelected={active} onChange={setActive}>
          Active
        </Switch>
        <Flex gap="size-200">
          <TextField
            label="From (YYYY-MM-DD)"
            value={fromDate}
            onChange={setFromDate}
            errorMessage={fieldError('fromDate')}
            validationState={fieldError('fromDate') ? 'invalid' : undefined}
          />
          <TextField
            label="To (YYYY-MM-DD)"
            value={toDate}
            onChange={setToDate}
            errorMessage={fieldError('toDate')}
            validationState={fieldError('toDate') ? 'invalid' : undefined}
          />
        </Flex>
        <NumberField
          label="Priority (1 = highest)"
          minValue={1}
          value={priority}
          onChange={setPriority}
          validationState={fieldError('priority') ? 'invalid' : undefined}
          errorMessage={fieldError('priority')}
          data-testid="rule-priority"
        />
        <Checkbox isSelected={discard} onChange={setDiscard}>
          Discard Subsequent Rules
        </Checkbox>
      </Flex>

      <Heading level={4}>Price Rule Conditions</Heading>
      <ConditionsEditor group={conditions} types={meta.conditionTypes} onChange={setConditions} />

      <Heading level={4}>Price Rule Actions</Heading>
      <Picker
        label="Rule Type"
        selectedKey={ruleType}
        onSelectionChange={(key) => setRuleType(String(key))}
        data-testid="rule-type"
      >
        {meta.ruleForms.map((f) => (
          <Item key={f.code}>{f.label}</Item>
        ))}
      </Picker>
      {form.sections.map((section) => {
        const fields = section.fields.filter((f) => isVisible(f, current));
        if (fields.length === 0) return null;
        return (
          <View key={section.title} marginTop="size-150">
            <Heading level={5}>{section.title}</Heading>
            <Flex gap="size-200" wrap>
              {fields.map((field) => {
                const common = {
                  label: field.label,
                  isRequired: field.required,
                  validationState: fieldError(field.name) ? ('invalid' as const) : undefined,
                  errorMessage: fieldError(field.name),
                  description: field.hint,
                  'data-testid': `field-${field.name}`,
                };
                if (field.kind === 'select' || field.kind === 'price_attribute') {
                  const options =
                    field.kind === 'price_attribute'
                      ? [...(field.required ? [] : [{ value: '', label: 'None' }]), ...meta.priceAttributes]
                      : (field.options ?? []).map((o) => ({ value: String(o.value), label: o.label }));
                  return (
                    <Picker
                      key={field.name}
                      {...common}
                      width="size-3400"
                      selectedKey={current[field.name] ?? null}
                      onSelectionChange={(key) => setField(field.name, String(key))}
                      items={options.map((o) => ({ id: String(o.value), label: o.label }))}
                    >
                      {(o) => <Item key={o.id}>{o.label}</Item>}
                    </Picker>
                  );
                }
                return (
                  <TextField
                    key={field.name}
                    {...common}
                    width="size-2400"
                    value={current[field.name] ?? ''}
                    onChange={(v) => setField(field.name, v)}
                  />
                );
              })}
            </Flex>
          </View>
        );
      })}
      <ButtonGroup marginTop="size-300">
        <Button variant="secondary" onPress={onCancel}>
          Back
        </Button>
        <Button variant="secondary" onPress={() => onDryRun(draft())} data-testid="rule-dry-run">
          Dry run
        </Button>
        <Button variant="accent" onPress={save} isPending={saving} data-testid="rule-save">
          Save pricing rule
        </Button>
      </ButtonGroup>
    </View>
  );
};
