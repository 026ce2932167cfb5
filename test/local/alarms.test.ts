import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calls } from './fixtures/actions/recorder';
import { eventually, startFixtureRuntime } from './harness';
import { nextFiring } from '../../src/local/alarms';
import type { AlarmDefinition } from '../../src/local/app-config';

const recordAction = path.join(__dirname, 'fixtures', 'actions', 'record.ts');

/** Writes an app config whose only package fires alarms at the recording fixture action. */
function alarmConfig(triggers: string, rules: string, actionInputs = ''): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-alarms-'));
  const file = path.join(dir, 'app.config.yaml');
  fs.writeFileSync(
    file,
    `application:
  runtimeManifest:
    packages:
      timed:
        actions:
          job:
            function: ${recordAction}
            web: 'no'
            runtime: nodejs:22
            inputs:
${actionInputs || '              RECORD_AS: timed/job'}
        triggers:
${triggers}
        rules:
${rules}
`,
  );
  return file;
}

const countFor = (tag: string) => calls.filter((call) => call.action === tag).length;

describe('alarms', () => {
  test('an interval trigger fires its rule on schedule, sped up, with the trigger payload and inputs', async () => {
    const configPath = alarmConfig(
      `          every-minute:
            feed: /whisk.system/alarms/interval
            inputs:
              minutes: 1
              trigger_payload: '{"reason":"tick"}'`,
      `          tick: { trigger: every-minute, action: job }`,
      `              RECORD_AS: timed/interval`,
    );
    // 1 emulated minute = 50 ms real.
    const { runtime } = await startFixtureRuntime({ configPath, alarms: true, speedUp: 1200 });
    try {
      await eventually(() => (countFor('timed/interval') >= 3 ? true : undefined), 3000);
      const firings = calls.filter((call) => call.action === 'timed/interval');
      expect(firings[0].params).toMatchObject({ reason: 'tick', RECORD_AS: 'timed/interval' });
      const gap = firings[2].at - firings[1].at;
      expect(gap).toBeGreaterThanOrEqual(30);
      expect(gap).toBeLessThan(400);
    } finally {
      await runtime.close();
    }
    const after = countFor('timed/interval');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(countFor('timed/interval')).toBe(after);
  });

  test('a cron alarm fires on the sped-up clock', async () => {
    const configPath = alarmConfig(
      `          each-minute:
            feed: /whisk.system/alarms/alarm
            inputs:
              cron: '* * * * *'`,
      `          cron-rule: { trigger: each-minute, action: job }`,
      `              RECORD_AS: timed/cron`,
    );
    const { runtime } = await startFixtureRuntime({ configPath, alarms: true, speedUp: 600 });
    try {
      await eventually(() => (countFor('timed/cron') >= 2 ? true : undefined), 3000);
    } finally {
      await runtime.close();
    }
  });

  test('a firing is skipped while the previous run of the same action is still going', async () => {
    const configPath = alarmConfig(
      `          fast:
            feed: /whisk.system/alarms/interval
            inputs:
              minutes: 1
              trigger_payload: { sleepMs: 400 }`,
      `          slow-job: { trigger: fast, action: timed/job }`,
      `              RECORD_AS: timed/slow`,
    );
    const { runtime, logger } = await startFixtureRuntime({ configPath, alarms: true, speedUp: 3000 });
    try {
      await eventually(() => (runtime.alarmStats()['slow-job']?.skipped >= 3 ? true : undefined), 3000);
      const stats = runtime.alarmStats()['slow-job'];
      // Every 20 ms a firing, but only one 400 ms run at a time.
      expect(countFor('timed/slow')).toBeLessThanOrEqual(stats.fired - stats.skipped);
      expect(countFor('timed/slow')).toBeLessThan(stats.fired);
      expect(logger.lines.some((line) => line.includes('skipped') && line.includes('timed/job'))).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  test('a once trigger fires a single time at its date', async () => {
    const at = new Date(Date.now() + 60_000).toISOString();
    const configPath = alarmConfig(
      `          later:
            feed: /whisk.system/alarms/once
            inputs:
              date: '${at}'`,
      `          once-rule: { trigger: later, action: job }`,
      `              RECORD_AS: timed/once`,
    );
    // 60 emulated seconds = 100 ms real.
    const { runtime } = await startFixtureRuntime({ configPath, alarms: true, speedUp: 600 });
    try {
      await eventually(() => (countFor('timed/once') === 1 ? true : undefined), 3000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(countFor('timed/once')).toBe(1);
    } finally {
      await runtime.close();
    }
  });

  describe('nextFiring', () => {
    const base: AlarmDefinition = {
      ruleName: 'r',
      triggerName: 't',
      feed: 'alarm',
      payload: {},
      actionFullName: 'p/a',
    };
    test('cron schedules are evaluated in UTC', () => {
      const after = Date.parse('2026-11-27T10:00:00Z');
      expect(new Date(nextFiring({ ...base, cron: '17 3 * * *' }, after) ?? 0).toISOString()).toBe(
        '2026-11-28T03:17:00.000Z',
      );
    });
    test('intervals need positive minutes', () => {
      expect(() => nextFiring({ ...base, feed: 'interval', minutes: 0 }, 0)).toThrow(/minutes/);
      expect(nextFiring({ ...base, feed: 'interval', minutes: 10 }, 0)).toBe(600_000);
    });
  });
});
