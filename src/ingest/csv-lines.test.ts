import { RecordLines } from './csv-lines';

// Feeds `text` to RecordLines in the given chunks and returns what it noted.
function scan(chunks: string[]) {
  const records = new RecordLines();
  for (const chunk of chunks) records.write(Buffer.from(chunk));
  return { lines: records.lines, unterminated: records.unterminated };
}

// Every way of cutting the text in two, as a stream may deliver it.
function allSplits(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);
}

describe('RecordLines', () => {
  test.each([
    { what: 'one line per record', text: 'a,b\n1,2\n3,4\n', lines: [1, 2, 3, 4], unterminated: false },
    { what: 'a quoted line break', text: 'a,b\n1,"two\nlines"\n3,4\n', lines: [1, 2, 4, 5], unterminated: false },
    { what: 'doubled quotes and blank quoted lines', text: 'a,b\n1,"say ""hi""\n"\n3,"\n\n"\n5,6', lines: [1, 2, 4, 7], unterminated: false },
    { what: 'a quote never closed', text: 'a,b\n1,"never closed\n3,4\n', lines: [1, 2], unterminated: true },
    { what: 'quoted and empty quoted fields', text: 'a\n"x"\n""\n', lines: [1, 2, 3, 4], unterminated: false },
  ])('$what: records start on lines $lines, however the stream cuts the file', ({ text, lines, unterminated }) => {
    for (const chunks of [[text], ...allSplits(text), Array.from(text)]) {
      expect(scan(chunks)).toEqual({ lines, unterminated });
    }
  });
});
