// The draw of a blind second coding: which documents are eligible, what --exclude takes out, and that a draw
// repeats from its seed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { docId, drawDocuments, eligible, parseExcluded } from '../devset/secondCodingDraw';

const ROOT = path.resolve(__dirname, '../../..');
const TOOL = path.join(ROOT, 'out/tools/secondCodingDraw.js');
const DOCS = ['en01-a', 'en02-b', 'en03-c', 'en04-d', 'en05-e', 'en41-f', 'zh01-g', 'zh02-h', 'zh03-i', 'zh04-j', 'zh05-k', 'zh40-l'];

describe('the second coding draw', () => {
  it('reads a document id from its file name', () => {
    assert.equal(docId('en03-pen-register'), 'en03');
    assert.equal(docId('zh17-rulemaking-procedure'), 'zh17');
  });

  it('leaves out the documents of the current session and the excluded ids', () => {
    assert.equal(eligible('en40-x'), true);
    assert.equal(eligible('en41-x'), false);
    assert.equal(eligible('zh39-x'), true);
    assert.equal(eligible('zh40-x'), false);
    assert.equal(eligible('en03-c', new Set(['en03'])), false);
    assert.equal(eligible('en30-c', new Set(['en03'])), true);
  });

  it('draws from the pool without the excluded documents, the same way from the same seed', () => {
    const excluded = new Set(['en02', 'zh03']);
    const drawn = drawDocuments(DOCS, 18, 3, excluded);
    assert.deepEqual(drawn, drawDocuments(DOCS.filter((d) => !excluded.has(docId(d))), 18, 3));
    assert.deepEqual(drawn, drawDocuments(DOCS, 18, 3, excluded));
    for (const doc of [...drawn.en, ...drawn.zh]) assert.ok(eligible(doc, excluded), doc);
    assert.deepEqual([drawn.en.length, drawn.zh.length], [3, 3]);
    assert.ok(drawn.en.every((d) => d.startsWith('en')) && drawn.zh.every((d) => d.startsWith('zh')));
  });

  it('draws from --only\'s documents alone, whatever their number', () => {
    const only = new Set(['en41', 'en05', 'zh40']);
    assert.equal(eligible('en41-f', new Set(), only), true);
    assert.equal(eligible('en01-a', new Set(), only), false);
    assert.equal(eligible('en41-f', new Set(['en41']), only), false);
    const drawn = drawDocuments(DOCS, 19, 1, new Set(), only);
    assert.deepEqual(drawn.zh, ['zh40-l']);
    assert.equal(drawn.en.length, 1);
    assert.ok(['en41-f', 'en05-e'].includes(drawn.en[0]), drawn.en[0]);
    assert.throws(() => parseExcluded('en53,x', '--only'), /--only: x is not a document id/);
  });

  it('takes --exclude as a list of document ids', () => {
    assert.deepEqual([...parseExcluded('en03,zh17,')], ['en03', 'zh17']);
    assert.throws(() => parseExcluded('en03,pen-register'), /--exclude: pen-register is not a document id/);
    assert.throws(() => parseExcluded(undefined), /--exclude takes document ids/);
    assert.throws(() => parseExcluded('--seed'), /--exclude takes document ids/);
  });

  it('prints the seed and a draw without the excluded documents, and refuses an id not in the tuning half', function () {
    this.timeout(20_000);
    const excluded = ['en03', 'en23', 'en25', 'zh17', 'zh24', 'zh35'];
    const r = spawnSync(process.execPath, [TOOL, '--seed', '18', '--exclude', excluded.join(',')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^seed 18; .*except en03, en23, en25, zh17, zh24, zh35$/m);
    const drawnLines = r.stdout.split('\n').filter((line) => /^(en|zh): /.test(line)).map((line) => line.slice(line.indexOf('drawn ')));
    assert.equal(drawnLines.length, 2);
    for (const id of excluded) assert.ok(!drawnLines.some((line) => line.includes(`${id}-`)), id);
    const missing = spawnSync(process.execPath, [TOOL, '--exclude', 'en99'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--exclude: en99 not in test\/corpus\/labels\/tuning-half\.tsv/);
  });
});
