import {
  Button,
  ButtonGroup,
  Checkbox,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  Item,
  Picker,
  Radio,
  RadioGroup,
  TextField,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { AttributeMapping, NewAttribute } from '../../api/attributes';

const TYPES: Array<[NewAttribute['frontendInput'], string]> = [
  ['text', 'Text Field'],
  ['textarea', 'Text Area'],
  ['select', 'Dropdown'],
  ['boolean', 'Yes/No'],
  ['date', 'Date'],
  ['price', 'Price'],
];

const CODE = /^[a-z][a-z0-9_]{0,59}$/;
const suggestCode = (amazonAttribute: string) =>
  `amazon_${amazonAttribute.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`.slice(0, 60);

export type AttributeDialogResult =
  | { kind: 'map'; mapping: AttributeMapping }
  | { kind: 'create'; attribute: NewAttribute };

/**
 * Create / Edit of one Amazon attribute (SPEC 3.12). "Create New Magento Attribute" makes a new Commerce attribute
 * (label, code, attribute sets, type, promo/search/compare flags, scope) and maps to it; otherwise the row is
 * pointed at an existing Commerce attribute code. Is Active and Overwrite Existing Magento Values apply to both.
 */
export const AttributeDialog = ({
  mapping,
  onSave,
  onClose,
}: {
  mapping: AttributeMapping;
  onSave: (result: AttributeDialogResult) => void;
  onClose: () => void;
}) => {
  const [mode, setMode] = useState<'create' | 'existing'>(mapping.commerceAttribute ? 'existing' : 'create');
  const [code, setCode] = useState(mapping.commerceAttribute ?? suggestCode(mapping.amazonAttribute));
  const [label, setLabel] = useState(`Amazon ${mapping.amazonAttribute.replace(/_/g, ' ')}`);
  const [sets, setSets] = useState('4');
  const [type, setType] = useState<NewAttribute['frontendInput']>('text');
  const [scope, setScope] = useState<'global' | 'store'>('global');
  const [promo, setPromo] = useState(false);
  const [searchable, setSearchable] = useState(false);
  const [comparable, setComparable] = useState(false);
  const [overwrite, setOverwrite] = useState(mapping.overwrite);
  const [active, setActive] = useState(mapping.commerceAttribute ? mapping.active : true);
  const setIds = sets
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const setsValid = setIds.length > 0 && setIds.every((s) => /^[1-9]\d{0,5}$/.test(s));
  const codeValid = CODE.test(code);
  const valid = mode === 'create' ? codeValid && setsValid && label.trim() !== '' : code === '' || codeValid;

  const save = () =>
    onSave(
      mode === 'create'
        ? {
            kind: 'create',
            attribute: {
              amazonAttribute: mapping.amazonAttribute,
              code,
              label: label.trim(),
              frontendInput: type,
              scope,
              attributeSetIds: setIds.map(Number),
              usedForPromoRules: promo,
              searchable,
              comparable,
              active,
              overwrite,
            },
          }
        : { kind: 'map', mapping: { ...mapping, commerceAttribute: code || null, overwrite, active } },
    );

  return (
    <Dialog data-testid="attribute-edit" size="L">
      <Heading>{`Amazon attribute ${mapping.amazonAttribute}`}</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-100">
          <Checkbox isSelected={active} onChange={setActive} data-testid="attribute-active">
            Is Active
          </Checkbox>
          <RadioGroup
            label="Select Magento Product Attribute"
            value={mode}
            onChange={(v) => setMode(v as 'create' | 'existing')}
            orientation="horizontal"
            data-testid="attribute-mode"
          >
            <Radio value="create" data-testid="attribute-mode-create">
              Create New Magento Attribute
            </Radio>
            <Radio value="existing" data-testid="attribute-mode-existing">
              Existing attribute
            </Radio>
          </RadioGroup>
          <TextField label="Amazon Attribute Name" value={mapping.amazonAttribute} isReadOnly />
          {mode === 'create' && (
            <TextField
              label="Magento Product Attribute Name"
              isRequired
              value={label}
              onChange={setLabel}
              data-testid="attribute-label"
            />
          )}
          <TextField
            label="Magento Product Attribute Code"
            description="Lowercase, no spaces, for example brand"
            value={code}
            onChange={(v) => setCode(v.trim())}
            validationState={code === '' || codeValid ? undefined : 'invalid'}
            errorMessage="Start with a letter; use a-z, 0-9 and _ only"
            data-testid="attribute-code"
          />
          {mode === 'create' && (
            <>
              <TextField
                label="Attribute Set Ids"
                description="Comma-separated; 4 is Default"
                value={sets}
                onChange={setSets}
                validationState={setsValid ? undefined : 'invalid'}
                data-testid="attribute-sets"
              />
              <Picker
                label="Type"
                selectedKey={type}
                onSelectionChange={(k) => setType(String(k) as NewAttribute['frontendInput'])}
                data-testid="attribute-type"
              >
                {TYPES.map(([key, name]) => (
                  <Item key={key}>{name}</Item>
                ))}
              </Picker>
              <Flex gap="size-200" wrap>
                <Checkbox isSelected={promo} onChange={setPromo}>
                  Use for Promo Rule Conditions
                </Checkbox>
                <Checkbox isSelected={searchable} onChange={setSearchable}>
                  Used in Search
                </Checkbox>
                <Checkbox isSelected={comparable} onChange={setComparable}>
                  Comparable on Storefront
                </Checkbox>
              </Flex>
              <Picker
                label="Magento Product Attribute Scope"
                description="With Global, the scope cannot be changed later"
                selectedKey={scope}
                onSelectionChange={(k) => setScope(String(k) as 'global' | 'store')}
                data-testid="attribute-scope"
              >
                <Item key="global">Global</Item>
                <Item key="store">Store View</Item>
              </Picker>
            </>
          )}
          <Checkbox isSelected={overwrite} onChange={setOverwrite} data-testid="attribute-overwrite">
            Overwrite Existing Magento Values
          </Checkbox>
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button variant="accent" isDisabled={!valid} onPress={save} data-testid="attribute-save">
          Save Attribute Settings
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};
