// Errors on unseen documents (docs/validity.md, "Errors on unseen documents", lexicons en 1.10): the classes of error
// found on the retired validation group, fixed with vocabulary classes that hold across the tuning half. These tests pin
// each class on sentences written for them, in the statutes' register.
import * as assert from 'node:assert/strict';
import { counted, countedAs } from './helpers/lexicons';

const control = (text: string): string[] => countedAs('control', text);
const engagement = (text: string): string[] => countedAs('engagement', text);

describe('English errors on unseen documents (lexicons en 1.10)', () => {
  it('"collected from" naming which data takes no stance; collection prescribed or permitted is data collection', () => {
    assert.deepEqual(control('The operator shall give notice of the information collected from the child.'), []);
    assert.deepEqual(control('A parent may obtain any personal information collected from that child.'), []);
    assert.deepEqual(control('Information of the debtor may be collected from banks for enforcement purposes.'), ['control/data-collection:be collected from']);
  });

  it('a right to inspect records is access by the right holder, not an inspection of them', () => {
    assert.deepEqual(counted('Parents shall have the right to inspect the records of their children.'), ['engagement/rights:have the right to inspect']);
    assert.deepEqual(control('Officers may inspect the factory at reasonable times.').length > 0, true);
  });

  it('remedial and removal action in the clean-up sense is no remedy for a person', () => {
    assert.deepEqual(engagement('Before adoption of any plan for remedial action, the President shall publish a notice.').filter((c) => c.startsWith('engagement/rights')), []);
    assert.deepEqual(engagement('The grant may be used for the remedial investigation at the facility.'), []);
    assert.deepEqual(engagement('The person may seek an effective remedy.'), ['engagement/rights:effective remedy']);
  });

  it('recall: hearings, challenges, copies and notice to the person concerned', () => {
    assert.deepEqual(engagement('The decision shall be made after opportunity for a hearing.'), ['engagement/rights:opportunity for a hearing']);
    assert.deepEqual(engagement('An appellant shall have the right to a hearing.').includes('engagement/rights:right to a hearing'), true);
    assert.deepEqual(engagement('Any person may challenge the deferral in court.'), ['engagement/rights:may challenge']);
    assert.deepEqual(engagement('The parents shall receive a copy of the record.'), ['engagement/transparency:receive a copy']);
    assert.deepEqual(engagement('The student shall be notified of the transfer.'), ['engagement/transparency:be notified of']);
  });

  it('judicial approval of a measure is accountability; the measure it approves keeps its own stance', () => {
    assert.deepEqual(engagement('The governmental entity obtains a court order under subsection (d).'), ['engagement/accountability:obtains a court order']);
    assert.deepEqual(engagement('No interception shall take place without judicial approval.').length, 0);
    assert.deepEqual(engagement('Interception requires prior judicial authorization.'), ['engagement/accountability:judicial authorization']);
  });
});
