// The configuration service's keys and defaults are the manifest's: no setting falls back to another value than
// the one VS Code shows the user (maxFileSizeKB fell back to 2048 where the manifest says 10240).
import * as assert from 'node:assert/strict';
import { SETTING_DEFAULTS, settingId, SETTING_KEYS } from '../../src/extension/settingDefaults';
import { repoFile } from './helpers/lexicons';

interface ManifestSetting {
  default: unknown;
}

describe('setting keys and defaults', () => {
  const manifest = JSON.parse(repoFile('package.json')) as { contributes: { configuration: { properties: Record<string, ManifestSetting> } } };
  const properties = manifest.contributes.configuration.properties;

  it('names every setting the manifest declares, and no other', () => {
    assert.deepEqual(SETTING_KEYS.map(settingId).sort(), Object.keys(properties).sort());
  });

  it('falls back to the default the manifest declares for every setting', () => {
    for (const key of SETTING_KEYS) assert.deepEqual(SETTING_DEFAULTS[key], properties[settingId(key)].default, key);
  });
});
