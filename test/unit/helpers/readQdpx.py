# Reads a .qdpx as an importer would, with Python's own zip and XML readers (independent of the writer under test):
# prints JSON with the archive's entries, the users, the codes, and per source the text and each selection's
# quoted text (positions counted in Unicode characters, end exclusive), codes and notes.
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'q': 'urn:QDA-XML:project:1.0'}
archive = zipfile.ZipFile(sys.argv[1])
bad = archive.testzip()
project = ET.fromstring(archive.read('project.qde'))
notes = {n.get('guid'): n.find('q:PlainTextContent', NS).text for n in project.iterfind('q:Notes/q:Note', NS)}
codes = {c.get('guid'): {'name': c.get('name'), 'codable': c.get('isCodable')} for c in project.iter('{urn:QDA-XML:project:1.0}Code')}
sources = []
for s in project.iterfind('q:Sources/q:TextSource', NS):
    path = s.get('plainTextPath')
    assert path.startswith('internal://')
    text = archive.read('sources/' + path[len('internal://'):]).decode('utf-8')
    selections = []
    for sel in s.iterfind('q:PlainTextSelection', NS):
        start, end = int(sel.get('startPosition')), int(sel.get('endPosition'))
        selections.append({
            'name': sel.get('name'),
            'quoted': text[start:end],
            'start': start,
            'end': end,
            'description': sel.find('q:Description', NS).text,
            'codes': [codes[c.find('q:CodeRef', NS).get('targetGUID')]['name'] for c in sel.iterfind('q:Coding', NS)],
            'notes': [notes[n.get('targetGUID')] for n in sel.iterfind('q:NoteRef', NS)],
            'user': sel.get('creatingUser'),
        })
    sources.append({'name': s.get('name'), 'text': text, 'selections': selections})
print(json.dumps({
    'bad': bad,
    'entries': [i.filename for i in archive.infolist()],
    'users': [u.get('name') for u in project.iterfind('q:Users/q:User', NS)],
    'codes': list(codes.values()),
    'sources': sources,
}, ensure_ascii=False))
