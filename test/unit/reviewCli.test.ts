// policy-lens --annotations: the CLI reads the editor's store (written here by the same core serializer the editor
// uses) and reports the same as-reviewed figures the editor's Review view computes; the workspace lexicon beside it
// is used; a malformed store stops the run with file:line:column.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { builtinLexicons, Engine } from '../../src/core/index';
import { collectionOf, serializeCollection, WebAnnotation } from '../../src/core/webAnnotation';
import { reviewDocument, reviewedFigures, reviewedItems } from '../../src/core/webAnnotationReview';
import { storeAnnotation } from './helpers/annotations';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const TEXT = 'The authority may monitor residents and keep a blacklist.\nResidents may appeal to the court within ten days.\nThe widget tax applies to every firm.\n';
const GENERATOR = { type: 'Software' as const, name: 'policy-lens', version: '0.1.0' };

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/schema/tally.schema.json'), 'utf8')) as object);

interface Figures {
  units: { sentences: number; control: number; engagement: number; both: number };
  control: { matches: number };
  engagement: { matches: number };
  lean: { index: number | null };
}
interface Doc extends Figures {
  source: string;
  reviewed?: Figures | null;
  sections: (Figures & { reviewed?: Figures | null })[];
  annotations: { text: string; entry: string; category: string; review?: string | null; origin?: string; ruleDetail: string | null }[];
}

function annotation(id: string, start: number, end: number, motivation: 'assessing' | 'classifying', body: WebAnnotation['body']): WebAnnotation {
  const made = storeAnnotation(TEXT, 'notes/a.txt', id, start, end, body);
  assert.equal(made.motivation, motivation);
  return made;
}

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI --annotations', function () {
  this.timeout(60_000);
  let dir: string;
  const monitor = TEXT.indexOf('monitor');
  const passage = 'Residents may appeal to the court';
  const coded = TEXT.indexOf(passage);
  const items = [
    annotation('urn:uuid:1', monitor, monitor + 7, 'assessing', [
      { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: 'monitor', category: 'surveillance', scope: 'here' },
      { type: 'TextualBody', purpose: 'commenting', value: 'traffic cameras' },
    ]),
    annotation('urn:uuid:2', coded, coded + passage.length, 'classifying', [
      { type: 'TextualBody', purpose: 'classifying', value: 'rights' },
      { type: 'TextualBody', purpose: 'commenting', value: 'a right of appeal' },
    ]),
  ];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-review-cli-'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.mkdirSync(path.join(dir, '.policylens'));
    fs.writeFileSync(path.join(dir, 'notes', 'a.txt'), TEXT);
    fs.writeFileSync(path.join(dir, '.policylens', 'annotations.json'), serializeCollection(collectionOf(items, GENERATOR)));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the store above the folder given and reports what the editor shows, as reviewed', () => {
    const r = run(['notes'], dir);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { documents: Doc[] };
    assert.ok(validate(report), ajv.errorsText(validate.errors));
    const doc = report.documents[0];
    // The editor's Review view: the same core functions over the same analysis.
    const engine = new Engine(builtinLexicons());
    const analysis = engine.analyze(TEXT);
    const polarity = new Map(engine.categories.map((c) => [c.id, c.polarity]));
    const review = reviewDocument(TEXT, 'notes/a.txt', analysis.matches(), collectionOf(items, GENERATOR), (c) => polarity.get(c) ?? null);
    const editor = reviewedFigures(reviewedItems(analysis.matches(), review), analysis.tally().words, analysis.tally().units.sentences);
    assert.ok(doc.reviewed);
    assert.equal(doc.reviewed.control.matches, editor.control.matches);
    assert.equal(doc.reviewed.engagement.matches, editor.engagement.matches);
    assert.equal(doc.reviewed.lean.index, Math.round((editor.lean.index ?? 0) * 10000) / 10000);
    assert.deepEqual(doc.reviewed.units, editor.units);
    // Against the automatic figures: one control match rejected, one manual engagement code added.
    assert.equal(doc.reviewed.control.matches, doc.control.matches - 1);
    assert.equal(doc.reviewed.engagement.matches, doc.engagement.matches + 1);
    const rejected = doc.annotations.find((a) => a.entry === 'monitor');
    assert.deepEqual([rejected?.review, rejected?.origin], ['rejected', 'lexicon']);
    assert.ok(doc.annotations.filter((a) => a.origin === 'lexicon' && a.entry !== 'monitor').every((a) => a.review === null));
    const manual = doc.annotations.find((a) => a.origin === 'manual');
    assert.deepEqual([manual?.text, manual?.category, manual?.entry, manual?.review, manual?.ruleDetail], [passage, 'rights', '', null, 'a right of appeal']);
  });

  it('counts a codebook code with a polarity as the editor does, from the codebook beside the store', () => {
    const firm = TEXT.indexOf('every firm');
    const kinship = annotation('urn:uuid:3', firm, firm + 'every firm'.length, 'classifying', [{ type: 'TextualBody', purpose: 'classifying', value: 'kinship' }]);
    fs.writeFileSync(path.join(dir, '.policylens', 'annotations.json'), serializeCollection(collectionOf([kinship], GENERATOR)));
    const without = (JSON.parse(run(['notes'], dir).stdout) as { documents: Doc[] }).documents[0];
    // Without a codebook, "kinship" has no polarity: listed in the editor, counted nowhere.
    assert.equal(without.reviewed?.control.matches, without.control.matches);
    assert.ok(!without.annotations.some((a) => a.origin === 'manual'));
    fs.writeFileSync(path.join(dir, '.policylens', 'codebook.json'), JSON.stringify({ codes: [{ id: 'kinship', label: 'Kinship', polarity: 'control' }] }));
    const doc = (JSON.parse(run(['notes'], dir).stdout) as { documents: Doc[] }).documents[0];
    assert.equal(doc.reviewed?.control.matches, doc.control.matches + 1);
    assert.equal(doc.reviewed?.units.sentences, doc.units.sentences + 1, 'a code covering no match is a unit of its own');
    assert.deepEqual(doc.annotations.filter((a) => a.origin === 'manual').map((a) => [a.text, a.category]), [['every firm', 'kinship']]);
  });

  it('reports nothing reviewed with --no-annotations, and without a store', () => {
    const plain = run(['--no-annotations', 'notes'], dir);
    assert.equal(plain.status, 0, plain.stderr);
    const doc = (JSON.parse(plain.stdout) as { documents: Doc[] }).documents[0];
    assert.equal(doc.reviewed, null);
    assert.ok(doc.sections.every((s) => s.reviewed === null));
    assert.ok(doc.annotations.every((a) => a.review === null && a.origin === 'lexicon'));
    fs.rmSync(path.join(dir, '.policylens'), { recursive: true });
    assert.equal(run(['notes'], dir).stdout, plain.stdout);
  });

  it('reads --annotations FILE, uses the workspace lexicon beside it, and names a malformed store', () => {
    const store = path.join(dir, '.policylens', 'annotations.json');
    const elsewhere = path.join(os.tmpdir(), `policy-lens-cli-elsewhere-${process.pid}`);
    fs.mkdirSync(elsewhere, { recursive: true });
    try {
      fs.copyFileSync(path.join(dir, 'notes', 'a.txt'), path.join(elsewhere, 'a.txt'));
      fs.writeFileSync(
        path.join(dir, '.policylens', 'lexicon.json'),
        JSON.stringify({ name: 'workspace', version: '1', language: 'en', categories: [], entries: [{ term: 'widget tax', category: 'sanctions' }] }),
      );
      const r = run(['--annotations', store, path.join(dir, 'notes')], elsewhere);
      assert.equal(r.status, 0, r.stderr);
      const doc = (JSON.parse(r.stdout) as { documents: Doc[] }).documents[0];
      assert.ok(doc.annotations.some((a) => a.entry === 'widget tax' && a.origin === 'lexicon'));
      assert.equal(doc.reviewed?.control.matches, doc.control.matches - 1);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
    fs.writeFileSync(store, '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection"\n  "total": 0\n}\n');
    const bad = run(['notes'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /annotations\.json:4:3: invalid JSON: comma expected/);
  });
});
