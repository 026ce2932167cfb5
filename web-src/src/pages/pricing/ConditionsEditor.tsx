import { ActionButton, Flex, Item, Picker, TextField, View } from '@adobe/react-spectrum';
import type { ConditionGroup, ConditionLine, ConditionTypeDescription } from '../../api/pricing';

/**
 * The conditions tree (SPEC 5.3, same as listing rules): "If ALL/ANY of these conditions are TRUE/FALSE",
 * nested combinations and lines whose fields and operators come from describeConditionTypes.
 */
interface Props {
  group: ConditionGroup;
  types: ConditionTypeDescription[];
  onChange: (group: ConditionGroup) => void;
  depth?: number;
}

const isGroup = (node: ConditionGroup | ConditionLine): node is ConditionGroup => node.type === 'combine';

/** Line choices: "type|key" (product attributes by attribute code; other types have one field). */
const fieldChoices = (types: ConditionTypeDescription[]) =>
  types.flatMap((t) =>
    t.fields.map((f) => ({ id: `${t.code}|${f.key}`, label: `${t.label}: ${f.label}`, type: t, field: f })),
  );

const LineEditor = ({
  line,
  types,
  onChange,
  onRemove,
}: {
  line: ConditionLine;
  types: ConditionTypeDescription[];
  onChange: (line: ConditionLine) => void;
  onRemove: () => void;
}) => {
  const choices = fieldChoices(types);
  const key = `${line.type}|${line.args.attribute ?? line.type}`;
  const choice = choices.find((c) => c.id === key) ?? choices.find((c) => c.type.code === line.type);
  const operator = choice?.field.operators.find((o) => o.code === line.args.operator);
  const listValue = Array.isArray(line.args.value) ? line.args.value.join(', ') : line.args.value;
  return (
    <Flex gap="size-100" alignItems="end" wrap data-testid="condition-line">
      <Picker
        label="Condition"
        aria-label="Condition"
        width="size-3600"
        selectedKey={choice?.id ?? null}
        onSelectionChange={(id) => {
          const next = choices.find((c) => c.id === id);
          if (!next) return;
          onChange({
            type: next.type.code,
            args: {
              ...(next.type.code === 'product_attribute' ? { attribute: next.field.key } : {}),
              operator: next.field.operators[0]?.code ?? 'eq',
              value: '',
            },
          });
        }}
        items={choices}
      >
        {(c) => <Item key={c.id}>{c.label}</Item>}
      </Picker>
      <Picker
        label="Operator"
        width="size-2000"
        selectedKey={line.args.operator}
        onSelectionChange={(op) => onChange({ ...line, args: { ...line.args, operator: String(op) } })}
        items={choice?.field.operators ?? []}
      >
        {(o) => <Item key={o.code}>{o.label}</Item>}
      </Picker>
      {choice?.field.options?.length && !operator?.valueIsList ? (
        <Picker
          label="Value"
          width="size-2400"
          selectedKey={typeof line.args.value === 'string' ? line.args.value : null}
          onSelectionChange={(v) => onChange({ ...line, args: { ...line.args, value: String(v) } })}
          items={choice.field.options}
        >
          {(o) => <Item key={o.value}>{o.label}</Item>}
        </Picker>
      ) : (
        <TextField
          label={operator?.valueIsList ? 'Values (comma separated)' : 'Value'}
          width="size-2400"
          value={listValue}
          onChange={(text) =>
            onChange({
              ...line,
              args: {
                ...line.args,
                value: operator?.valueIsList
                  ? text
                      .split(',')
                      .map((v) => v.trim())
                      .filter(Boolean)
                  : text,
              },
            })
          }
        />
      )}
      <ActionButton onPress={onRemove} aria-label="Remove condition">
        Remove
      </ActionButton>
    </Flex>
  );
};

export const ConditionsEditor = ({ group, types, onChange, depth = 0 }: Props) => {
  const lineTypes = types.filter((t) => t.code !== 'combine');
  const replace = (index: number, node: ConditionGroup | ConditionLine | null) =>
    onChange({
      ...group,
      conditions: node
        ? group.conditions.map((c, i) => (i === index ? node : c))
        : group.conditions.filter((_, i) => i !== index),
    });
  const firstField = lineTypes[0]?.fields[0];
  return (
    <View
      borderWidth="thin"
      borderColor="gray-300"
      borderRadius="regular"
      padding="size-150"
      marginStart={depth ? 'size-300' : undefined}
    >
      <Flex gap="size-100" alignItems="end" wrap>
        <Picker
          label="If"
          width="size-1200"
          selectedKey={group.aggregator}
          onSelectionChange={(v) => onChange({ ...group, aggregator: v as 'all' | 'any' })}
        >
          <Item key="all">ALL</Item>
          <Item key="any">ANY</Item>
        </Picker>
        <Picker
          label="of these conditions are"
          width="size-1600"
          selectedKey={group.value ? 'true' : 'false'}
          onSelectionChange={(v) => onChange({ ...group, value: v === 'true' })}
        >
          <Item key="true">TRUE</Item>
          <Item key="false">FALSE</Item>
        </Picker>
      </Flex>
      <Flex direction="column" gap="size-100" marginTop="size-100">
        {group.conditions.map((node, index) =>
          isGroup(node) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a condition's identity is its position in the tree.
            <Flex key={`g${index}`} direction="column" gap="size-50">
              <ConditionsEditor
                group={node}
                types={types}
                depth={depth + 1}
                onChange={(next) => replace(index, next)}
              />
              <ActionButton alignSelf="start" onPress={() => replace(index, null)}>
                Remove combination
              </ActionButton>
            </Flex>
          ) : (
            <LineEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: a condition's identity is its position in the tree.
              key={`l${index}`}
              line={node}
              types={lineTypes}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          ),
        )}
      </Flex>
      <Flex gap="size-100" marginTop="size-100">
        <ActionButton
          isDisabled={!firstField}
          onPress={() =>
            onChange({
              ...group,
              conditions: [
                ...group.conditions,
                {
                  type: lineTypes[0].code,
                  args: {
                    ...(lineTypes[0].code === 'product_attribute' ? { attribute: firstField?.key } : {}),
                    operator: firstField?.operators[0]?.code ?? 'eq',
                    value: '',
                  },
                },
              ],
            })
          }
        >
          Add condition
        </ActionButton>
        {depth < 9 && (
          <ActionButton
            onPress={() =>
              onChange({
                ...group,
                conditions: [...group.conditions, { type: 'combine', aggregator: 'all', value: true, conditions: [] }],
              })
            }
          >
            Add combination
          </ActionButton>
        )}
      </Flex>
    </View>
  );
};
