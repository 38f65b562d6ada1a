// Settings keys are checked as own properties (issue 9): a key named like a member every object
// inherits ("__proto__", "toString", "constructor", "hasOwnProperty") is unknown, not "known",
// and a value only inherited through the prototype is not a stored setting.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  importSettings,
  parseSettings,
  settingsProblems,
} from '../src/settings/settings';

const BUILT_IN_NAMES = [
  '__proto__',
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

/** An exported file's text with `key: value` spliced into its settings object as raw JSON. */
function fileWithSettingsKey(key: string, valueJson: string): string {
  const file = JSON.parse(exportSettings(DEFAULT_SETTINGS)) as { settings: Record<string, unknown> };
  const text = JSON.stringify(file);
  return text.replace('"settings":{', `"settings":{${JSON.stringify(key)}:${valueJson},`);
}

describe('importSettings refuses keys named like built-in members', () => {
  for (const key of BUILT_IN_NAMES) {
    it(`settings.${key}`, () => {
      const text = fileWithSettingsKey(key, '{"guardEnabled":false}');
      // JSON.parse makes it an own property of the settings object (even "__proto__").
      const parsed = JSON.parse(text) as { settings: object };
      expect(Object.hasOwn(parsed.settings, key)).toBe(true);
      expect(importSettings(text)).toEqual({ ok: false, error: `Not imported: unknown setting "${key}"` });
    });
  }

  it('a "__proto__" key does not give the settings a prototype either', () => {
    const text = fileWithSettingsKey('__proto__', '{"guardEnabled":false,"theme":"dark"}');
    const parsed = JSON.parse(text) as { settings: Record<string, unknown> };
    expect(settingsProblems(parsed.settings)).toEqual(['unknown setting "__proto__"']);
  });

  it('at the top of the file, next to format, version and settings', () => {
    for (const key of ['__proto__', 'toString', 'extra']) {
      const text = JSON.stringify(JSON.parse(exportSettings(DEFAULT_SETTINGS))).replace(
        /^\{/,
        `{${JSON.stringify(key)}:1,`,
      );
      expect(importSettings(text)).toEqual({ ok: false, error: `Not imported: unknown key "${key}"` });
    }
  });

  it('inside the per-venue records (balances, fee tiers, venue switches)', () => {
    for (const [setting, inner] of [
      ['accountBalance', '{"__proto__":"5000"}'],
      ['accountBalance', '{"toString":"5000"}'],
      ['feeTiers', '{"constructor":{"makerFeeRate":"0.0002","takerFeeRate":"0.0005"}}'],
      ['enabledVenues', `{"hasOwnProperty":false,${JSON.stringify(DEFAULT_SETTINGS.enabledVenues).slice(1)}`],
    ] as const) {
      const file = JSON.parse(exportSettings(DEFAULT_SETTINGS)) as { settings: Record<string, unknown> };
      delete file.settings[setting];
      const text = JSON.stringify(file).replace('"settings":{', `"settings":{"${setting}":${inner},`);
      expect(importSettings(text), `${setting}: ${inner}`).toEqual({
        ok: false,
        error: `Not imported: "${setting}" is not valid`,
      });
    }
  });

  it('a valid file still imports', () => {
    const custom = { ...DEFAULT_SETTINGS, maxLeverage: '10', theme: 'dark' as const };
    expect(importSettings(exportSettings(custom))).toEqual({ ok: true, settings: custom });
  });

  it('a version that is not the exported one is named, clipped', () => {
    const text = JSON.stringify({ format: 'margin-preflight-settings', version: 'v'.repeat(10_000), settings: {} });
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeLessThan(120);
  });
});

describe('parseSettings reads own properties only', () => {
  it('a value inherited through the prototype is not a stored setting', () => {
    const inherited = Object.create({
      guardEnabled: false,
      maxLeverage: '3',
      theme: 'dark',
      accountBalance: { 'kraken-margin': '100' },
    }) as object;
    expect(parseSettings(inherited)).toEqual(DEFAULT_SETTINGS);
  });

  it('nor inside a venue record', () => {
    const balances = Object.create({ 'kraken-margin': '100' }) as object;
    const tier = Object.create({ makerFeeRate: '0.0002', takerFeeRate: '0.0005' }) as object;
    const parsed = parseSettings({
      accountBalance: balances,
      feeTiers: { 'bybit-linear': tier },
      enabledVenues: Object.create({ hyperliquid: false }) as object,
    });
    expect(parsed.accountBalance).toEqual({});
    expect(parsed.feeTiers).toEqual({});
    expect(parsed.enabledVenues).toEqual(DEFAULT_SETTINGS.enabledVenues);
  });

  it('own values are read as before', () => {
    expect(
      parseSettings({ guardEnabled: false, maxLeverage: '3', accountBalance: { 'kraken-margin': '100' } }),
    ).toMatchObject({
      guardEnabled: false,
      maxLeverage: '3',
      accountBalance: { 'kraken-margin': '100' },
    });
  });
});
