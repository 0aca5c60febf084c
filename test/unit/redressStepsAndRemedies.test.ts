// Steps of a redress procedure, statements of reasons and remedies written without the older keywords (en 1.18.0).
import * as assert from 'node:assert/strict';
import { counted, countedAs } from './helpers/lexicons';

describe('steps of redress, statements of reasons and remedies (lexicon en 1.18.0)', () => {
  it('a stay, an expedited case and a judge assigned to hear it are steps of redress (codebook D9)', () => {
    assert.deepEqual(countedAs('engagement', 'The court may stay further proceedings for not more than sixty days.'), ['engagement/rights:stay further proceedings']);
    assert.deepEqual(countedAs('engagement', 'Pending review by the Board, the order shall be stayed.'), ['engagement/rights:shall be stayed']);
    assert.deepEqual(countedAs('engagement', 'The chief judge shall designate a judge to hear and determine the case.'), ['engagement/rights:designate a judge', 'engagement/rights:hear and determine']);
    assert.deepEqual(countedAs('engagement', 'Such hearings shall be conducted expeditiously.'), ['engagement/rights:conducted expeditiously']);
  });

  it('staying somewhere and acting fast are not redress', () => {
    assert.deepEqual(counted('Visitors stay in hotels near the airport.'), []);
    assert.deepEqual(countedAs('engagement', 'The provider responds expeditiously to remove the material.'), []);
  });

  it('an order that states its grounds, and a holder advised of the charges, are told the reasons', () => {
    assert.deepEqual(countedAs('engagement', 'The order shall state the findings which are the basis for the order.'), ['engagement/transparency:state the findings']);
    assert.deepEqual(countedAs('engagement', 'The Administrator shall advise the holder of the certificate of the charges.'), ['engagement/transparency:advise the holder']);
  });

  it('back pay and compensatory damages for the person wronged are remedies', () => {
    assert.deepEqual(countedAs('engagement', 'The court may order reinstatement with back pay.'), ['engagement/rights:back pay']);
    assert.deepEqual(countedAs('engagement', 'The order shall provide compensatory damages to the complainant.'), ['engagement/rights:compensatory damages', 'engagement/complaints:complainant']);
  });
});

describe('a ban on disclosing what is held about people (lexicon en 1.18.2)', () => {
  it('is a duty of confidentiality when it protects the people the information is about', () => {
    assert.deepEqual(countedAs('engagement', 'A financial institution shall not disclose an account number to any third party.'), ['engagement/privacy:shall not disclose']);
    assert.deepEqual(countedAs('engagement', 'Charges shall not be made public by the Commission.'), ['engagement/privacy:shall not be made public']);
  });

  it('is a secrecy duty when it keeps a state measure secret, and nothing when it only exempts from disclosure', () => {
    assert.deepEqual(counted('The provider shall not disclose to any person that the FBI has sought or obtained access.'), ['control/censorship:shall not disclose']);
    assert.deepEqual(counted('An agency shall not be required to disclose the records.'), []);
  });
});
