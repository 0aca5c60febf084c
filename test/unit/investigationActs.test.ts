// An investigation that an authority conducts or makes is an act on the governed (English 1.25.0): the verbs
// *conduct* and *make* right before *investigation(s)* (with at most *an*, *any* or *such* between) give the topic
// noun its stance, as *install* does for a device. An investigation named alone stays a topic, and one aimed at an
// agency's own programs stays accountability; a review conducted keeps its topic unless aimed (the cues name
// investigations only through the surveillance category, and *conduct a review* has no such cue).
import * as assert from 'node:assert/strict';
import { countedMatches as counted } from './helpers/lexicons';

describe('investigations conducted or made (English)', () => {
  it('an authority that conducts or makes an investigation acts on the governed', () => {
    assert.deepEqual(counted('The Commission shall make an investigation of such alleged violation.'), [['investigation', 'control', 'surveillance']]);
    assert.deepEqual(counted('(4) conduct investigations within the United States and outside the United States consistent with applicable law'), [['investigations', 'control', 'surveillance']]);
    assert.deepEqual(counted('The Secretary of Labor shall conduct an investigation and determine whether there is reasonable cause to believe that the complaint has merit.').filter((m) => m[1] === 'control'), [['investigation', 'control', 'surveillance']]);
  });

  it('an investigation named alone, denied, or aimed at an agency is no act on the governed', () => {
    assert.deepEqual(counted('The records are relevant to an ongoing investigation.'), []);
    assert.deepEqual(counted('The officer may make such investigations and reports relating to the programs and operations of the agency.'), [['investigations', 'engagement', 'accountability']]);
    assert.deepEqual(counted('The Commission may not conduct any investigation solely on the basis of an anonymous complaint.').filter((m) => m[1] === 'control'), []);
    assert.deepEqual(counted('The Director conducted the review established under section 3506.'), []);
  });
});
