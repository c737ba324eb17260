import fs from 'node:fs';
import readline from 'node:readline';

import type { StagedRecord } from '../../store/index.js';
import { MAX_STRUCTURE_LENGTH } from './record.js';
import { parseSdfBlock, type SdfBlock } from './sdf-record.js';

/**
 * Reads an SD file (or a single molfile) record by record, holding one record at a time. Every
 * block between `$$$$` lines is a record; one that cannot be read is a record with a read error.
 */
export async function* readSdf(file: string): AsyncGenerator<StagedRecord> {
  // readline ends lines at LF, CRLF and a lone CR alike, so mixed line ends read as one.
  const input = fs.createReadStream(file, 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let block = newBlock(0, 1);
  let lineNo = 0;

  for await (const raw of lines) {
    lineNo += 1;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trimEnd() !== '$$$$') {
      addLine(block, text);
      continue;
    }

    block.terminated = true;
    yield toRecord(block);
    block = newBlock(block.index + 1, lineNo + 1);
  }

  // Blank lines after the last `$$$$` are no record; anything else is one, maybe truncated.
  if (block.lines.some((line) => line.trim() !== '') || block.droppedChars > 0) {
    yield toRecord(block);
  }
}

function newBlock(index: number, line: number): SdfBlock {
  return { index, line, lines: [], terminated: false, chars: 0, droppedChars: 0 };
}

function addLine(block: SdfBlock, text: string): void {
  // A block that never ends (no `$$$$`, no `M  END`) must not fill the memory; past the limit
  // only its size is counted.
  if (block.chars + text.length > MAX_STRUCTURE_LENGTH) {
    block.droppedChars += text.length + 1;
    return;
  }
  block.lines.push(text);
  block.chars += text.length + 1;
}

function toRecord(block: SdfBlock): StagedRecord {
  return { ...parseSdfBlock(block), recordIndex: block.index };
}
