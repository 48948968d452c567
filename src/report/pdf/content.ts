/*
 * Cheaper ways to the bytes pdfkit writes, for a document laid out with layout.ts. Each gives exactly the bytes
 * pdfkit's own path gives (the PDFs are compared byte for byte with the ones written before).
 */

/** The parts of pdfkit's page that writing its content stream uses. */
interface Page {
  content: { write(chunk: unknown): void };
  write(chunk: unknown): unknown;
  end(): unknown;
}
/** The parts of pdfkit's document used here. */
interface Document {
  page: Page;
  on(event: 'pageAdded', listener: () => void): unknown;
  _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } };
}

/**
 * Collects each page's content as one string and writes it to the page's stream when the page ends. pdfkit turns
 * every piece of content (an operator, a word) into bytes of its own with a loop per character and keeps them in
 * an array; a report has tens of thousands of pieces. The stream is the same: each piece followed by a newline.
 */
export function collectPageContent(doc: Document): void {
  doc.on('pageAdded', () => {
    const page = doc.page;
    let text = '';
    const flush = () => {
      if (text) page.content.write(Buffer.from(text, 'latin1'));
      text = '';
    };
    page.write = (chunk: unknown) => {
      if (chunk instanceof Uint8Array) {
        flush();
        return page.content.write(chunk);
      }
      text += `${chunk}\n`;
    };
    const end = page.end;
    page.end = function (this: Page) {
      flush();
      return end.call(this);
    };
  });
}

/** Destination names of lower-case ASCII letters, digits and hyphens, which sort alike by code unit and by collation. */
const PLAIN = /^[a-z0-9-]*$/;

/**
 * pdfkit sorts the named destinations with localeCompare, whose first call sets up the Unicode collation (some
 * 20 ms). The report's destination names are plain ASCII, which the collation puts in code-unit order (hyphen,
 * digits, letters); any other name is still compared by pdfkit's own comparison.
 */
export function plainDestinationOrder(doc: Document): void {
  const dests = doc._root.data.Names.data.Dests;
  const collate = dests._compareKeys;
  dests._compareKeys = (a, b) => (PLAIN.test(a) && PLAIN.test(b) ? (a < b ? -1 : a > b ? 1 : 0) : collate.call(dests, a, b));
}
