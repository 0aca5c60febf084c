// Lexicons en 1.20: reports and data passed to the police are control whatever verb passes them (the scheme's
// recruited reporting; #13: passing information between agencies is not transparency). The recipient decides, as it
// does for a notice delivered to the person concerned: "to law enforcement" (with the determiners and the levels of
// government that stand before it) is an entry of `surveillance`. It is longer than the topic noun "law enforcement",
// which therefore gives way to it; "law enforcement" named otherwise stays a topic.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { countedAs } from './helpers/lexicons';

describe('the police as the recipient of reports and data (lexicons en 1.20)', () => {
  it('counts information provided, made available or passed to law enforcement as control', () => {
    assert.deepEqual(countedAs('control', 'The operator may provide the information to law enforcement agencies.'), ['control/surveillance:to law enforcement']);
    assert.deepEqual(countedAs('control', 'Such records shall be made available to State and local law enforcement agencies upon request.'), ['control/surveillance:to State and local law enforcement']);
    assert.deepEqual(countedAs('control', 'The hospital shall forward the report to the appropriate law enforcement agency.'), ['control/surveillance:to the appropriate law enforcement']);
  });

  it('leaves law enforcement named as a topic or as an actor uncounted', () => {
    assert.deepEqual(countedAs('control', 'Records compiled for law enforcement purposes are exempt.'), []);
    assert.deepEqual(countedAs('control', 'A law enforcement agency may apply for the grant.'), []);
  });
});
