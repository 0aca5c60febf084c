// Items of a ban that protects people inherit its engagement (lexicons en 1.25.2, zh 1.23.3; codebook D53), as the
// items of a control ban inherit control: a lead-in whose last sentence holds a counted protective ban (a control match
// a protection cue moved, or conduct a ban forbids and keeps counted) hands its items that protection, unless its
// items are the ban's exceptions ("… unless"). A subject's "no" keeps such conduct counted, as "shall not" does.
// The sentences are written for the tests, not taken from the corpus.
import * as assert from 'node:assert/strict';
import { builtinEngine, counted, countedMatches } from './helpers/lexicons';

describe('items of a protective ban (codebook D53)', () => {
  it('a subject\'s "no" bans the conduct it governs: the protection stays counted (English)', () => {
    assert.deepEqual(countedMatches('No covered entity shall discriminate against a qualified individual on the basis of disability.'), [['discriminate', 'engagement', 'rights']]);
    // A plain negation still negates it.
    assert.deepEqual(countedMatches('The finding did not discriminate between the two periods.'), []);
  });

  it('the items of a ban on discrimination name the fields it shields (English)', () => {
    const fields = 'No entity shall discriminate against an individual on the basis of information received by such entity in\n\n(A) admission to, or treatment for, health care\n\n(B) hiring, firing, or terms of employment';
    assert.deepEqual(counted(fields), ['engagement/rights:discriminate', 'engagement/rights:A', 'engagement/rights:B']);
    const details = builtinEngine().analyze(fields).matches().map((m) => m.ruleDetail ?? '');
    assert.ok(details.some((d) => d.startsWith('item of a list whose lead-in at line 1 is a ban that protects people ("discriminat*"): the item names what it shields')), details.join(' | '));
    // A lead-in that ends on a parenthesis, its items the protected acts of an employee.
    const acts = 'A holder may not discharge an employee or otherwise discriminate against an employee because the employee (or any person acting at the request of the employee)\n\n(1) testified or is about to testify in such a proceeding; or\n\n(2) assisted in such a proceeding.';
    assert.deepEqual(counted(acts), ['engagement/rights:discriminate', 'engagement/rights:1', 'engagement/rights:2']);
  });

  it('a control measure a ban protects people from hands its protection to the items (English)', () => {
    const items = 'A witness shall not be detained by any officer for any of the following:\n\n(1) refusing to answer a question;\n\n(2) leaving the place of the hearing.';
    const found = counted(items);
    assert.ok(found.includes('engagement/rights:1') && found.includes('engagement/rights:2'), found.join(' '));
  });

  it('the items of a ban\'s exceptions, and of an exemption, inherit nothing (English)', () => {
    const exceptions = 'A financial institution shall not discriminate against a consumer unless\n\n(A) the consumer has consented in writing; or\n\n(B) the Secretary so orders.';
    assert.deepEqual(counted(exceptions).filter((c) => c.endsWith(':A') || c.endsWith(':B')), []);
    const exemption = 'A warrant shall not be required for the inspection of books, nor for administrative inspections (including seizures of property)\n\n(1) in situations presenting imminent danger to health or safety;\n\n(2) in any other situations where a warrant is not constitutionally required.';
    assert.deepEqual(counted(exemption).filter((c) => c.endsWith(':1') || c.endsWith(':2')), []);
  });

  it('the items of a ban on misleading consumers name the conduct it shields them from (Chinese)', () => {
    const ban = '第六条 经营者向消费者提供有关商品的信息应当真实，不得有下列虚假或者引人误解的宣传行为：\n\n（一）不以真实名称和标记提供商品；\n\n（二）作虚假的现场说明和演示；';
    const found = counted(ban);
    assert.ok(found.includes('engagement/transparency:一') && found.includes('engagement/transparency:二'), found.join(' '));
    assert.ok(found.every((c) => !c.startsWith('control/')), found.join(' '));
    // A ban on the governed's own conduct still hands its ban on.
    assert.ok(counted('第七条 经营者不得有下列行为：\n\n（一）销售假冒商品；').includes('control/restrictions:一'));
  });
});
