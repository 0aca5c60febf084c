// A REFI-QDA project archive (.qdpx): each document's text as sources/GUID.txt, in order, then project.qde. The CLI
// writes the same entries one at a time as documents come; this assembles an archive held in memory (the editor's).
import { projectXml, RefiDocument } from '../core/refiQda';
import type { Category } from '../core/types';
import { ZipWriter } from './zipWriter';

export function qdpxArchive(name: string, software: string, categories: readonly Category[], documents: readonly RefiDocument[], created?: string): Buffer {
  const zip = new ZipWriter();
  const parts = documents.map((d) => zip.entry(`sources/${d.guid}.txt`, d.text));
  parts.push(zip.entry('project.qde', projectXml(name, software, categories, documents, created)));
  parts.push(zip.finish());
  return Buffer.concat(parts);
}
