import {
  applySettingsUpdate,
  DEFAULT_GLOBAL_SETTINGS,
  detectCommerceUrlChange,
  globalSettingsUpdateSchema,
  retentionCutoff,
} from '../../src/core/settings/global-settings';

describe('global settings (SPEC 1.2)', () => {
  it('defaults to monthly log clearing, debug off, read-only off', () => {
    expect(DEFAULT_GLOBAL_SETTINGS).toMatchObject({
      logRetention: 'monthly',
      debugLogging: false,
      readOnlyMode: false,
    });
  });

  it('rejects unknown values and unknown fields, naming them', () => {
    const bad = globalSettingsUpdateSchema.safeParse({ logRetention: 'hourly' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/daily, weekly, monthly/);
    const unknown = globalSettingsUpdateSchema.safeParse({ cronSource: 'cli' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0].message).toMatch(/cronSource/);
  });

  it('records why read-only mode is on and clears the reason when it is switched off', () => {
    const on = applySettingsUpdate(DEFAULT_GLOBAL_SETTINGS, { readOnlyMode: true }, '2026-01-01T00:00:00.000Z');
    expect(on.readOnlyReason).toBe('manual');
    const off = applySettingsUpdate(on, { readOnlyMode: false }, '2026-01-02T00:00:00.000Z');
    expect(off.readOnlyReason).toBeUndefined();
    expect(off.updatedAt).toBe('2026-01-02T00:00:00.000Z');
  });

  it('switches read-only mode on by itself when the Commerce URL changes (a copied database)', () => {
    const first = detectCommerceUrlChange(DEFAULT_GLOBAL_SETTINGS, 'https://shop.example.com/rest/default/');
    expect(first.readOnlyMode).toBe(false);
    expect(detectCommerceUrlChange(first, 'https://shop.example.com/rest/all/')).toBe(first);
    const copied = detectCommerceUrlChange(first, 'https://staging.example.com/rest/default/');
    expect(copied).toMatchObject({ readOnlyMode: true, readOnlyReason: 'commerce_url_changed' });
  });

  it('computes the retention cut-off per option', () => {
    const now = Date.parse('2026-03-31T00:00:00Z');
    expect(new Date(retentionCutoff('daily', now)).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(new Date(retentionCutoff('weekly', now)).toISOString()).toBe('2026-03-24T00:00:00.000Z');
    expect(new Date(retentionCutoff('monthly', now)).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});
