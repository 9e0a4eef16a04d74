// Money arrives as exact decimal strings and is shown as such: only grouping is added, never a
// conversion through floating point.

export function amount(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const [whole, fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export const money = (value: { amount: string; currency: string } | null) =>
  (value ? `${amount(value.amount)} ${value.currency}` : '—');

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);

export const decimal = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

/** A cent count for sorting; amounts of one report share their number of decimals. */
export const minorUnits = (value: string) => BigInt(value.replace('.', ''));

export interface Column {
  label: string;
  numeric?: boolean;
}

export type Cell = string | Node;

/** Fills a table: a caption, a header row, and one row per entry (numbers right-aligned). */
export function fillTable(table: HTMLTableElement, caption: string, columns: Column[], rows: Cell[][]): void {
  table.replaceChildren();
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    if (column.numeric) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, index) => {
      const td = tr.insertCell();
      td.append(cell);
      if (columns[index].numeric) td.className = 'num';
    });
  }
}

/** A button that looks like a link: drill-down steps are actions, reachable with Tab and Enter. */
export function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'linkish';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}
