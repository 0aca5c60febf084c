// A civil action that an authority brings against the governed is enforcement (English 1.25.1): *bring a civil
// action*, *bring an action*, *commence*, *institute* or *file a civil action* are commands in plain verbs, counted
// only when an authority is the clause's subject ("the Attorney General may commence a civil action"). A person
// aggrieved who brings one exercises a remedy, and a bare mention names no one: neither counts as control.
import * as assert from 'node:assert/strict';
import { countedMatches as counted } from './helpers/lexicons';

const control = (text: string): [string, string, string][] => counted(text).filter((m) => m[1] === 'control');

describe('civil actions brought by an authority (English)', () => {
  it('an authority that brings a civil action enforces against the governed', () => {
    assert.deepEqual(control('If the Attorney General has reasonable cause to believe that any person has violated this section, the Attorney General may commence a civil action in any appropriate United States District Court.'), [['commence a civil action', 'control', 'coercion']]);
    assert.deepEqual(control('The Commission may institute a civil action for relief under paragraph (6)(A).'), [['institute a civil action', 'control', 'coercion']]);
    assert.deepEqual(control('The Secretary of Labor may file a civil action in the United States district court for the district in which the violation was found to occur.'), [['file a civil action', 'control', 'coercion']]);
  });

  it('a person aggrieved who brings one, or an action named alone, is no control', () => {
    assert.deepEqual(control('Any person aggrieved by any act of a cable operator in violation of this section may bring a civil action in a United States district court.'), []);
    assert.deepEqual(control('The consumer may not commence a civil action under subsection (d).'), []);
    assert.deepEqual(control('No person shall bring a civil action after the period has run.'), []);
  });
});
