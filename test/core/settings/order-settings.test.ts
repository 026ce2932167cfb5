import {
  DEFAULT_ORDER_SETTINGS,
  shouldReserveQuantity,
  validateOrderSettingsUpdate,
} from '../../../src/core/settings/order-settings';
import { describeOrderSettingsForm } from '../../../src/core/listings/settings-form';

describe('order settings (SPEC 6.1)', () => {
  it('defaults to importing orders as guests with Commerce numbers and the default status', () => {
    expect(DEFAULT_ORDER_SETTINGS).toEqual({
      importOrders: 'enabled',
      importIntoStoreView: null,
      customerCreation: 'guest',
      orderNumberSource: 'magento',
      pendingOrders: 'reserve',
      orderStatus: 'default',
      processingOrderStatus: null,
    });
  });

  it('requires a processing status for a custom order status', () => {
    const result = validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { orderStatus: 'custom' });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'processingOrderStatus' })] });
    const good = validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, {
      orderStatus: 'custom',
      processingOrderStatus: 'fraud',
    });
    expect(good.ok && good.settings.processingOrderStatus).toBe('fraud');
  });

  it('locks every other field while import is disabled', () => {
    const off = validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { importOrders: 'disabled' });
    if (!off.ok) throw new Error('disable failed');
    const locked = validateOrderSettingsUpdate(off.settings, { customerCreation: 'build_customer' });
    expect(locked).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'customerCreation', code: 'requires' })],
    });
  });

  it('names unknown and invalid fields', () => {
    expect(validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { importOrder: 'enabled' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'importOrder', code: 'unknown_field' })],
    });
    expect(validateOrderSettingsUpdate(DEFAULT_ORDER_SETTINGS, { customerCreation: 'yes' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'customerCreation', code: 'invalid' })],
    });
  });

  it('reserves quantity only for merchant-fulfilled orders when configured', () => {
    expect(shouldReserveQuantity(DEFAULT_ORDER_SETTINGS, 'FBM')).toBe(true);
    expect(shouldReserveQuantity(DEFAULT_ORDER_SETTINGS, 'FBA')).toBe(false);
    expect(shouldReserveQuantity({ ...DEFAULT_ORDER_SETTINGS, pendingOrders: 'do_not_reserve' }, 'FBM')).toBe(false);
  });

  it('describes the form with its labels', () => {
    const form = describeOrderSettingsForm();
    expect(form.sections[0].fields.map((f) => f.label)).toContain('Import Amazon Orders Into Magento Store');
    expect(form.sections[0].fields.find((f) => f.id === 'processingOrderStatus')?.enabledWhen).toEqual({
      field: 'orderStatus',
      equals: 'custom',
    });
  });
});
