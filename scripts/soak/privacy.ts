/**
 * The soak's privacy sweep after each session: the citizen's name and ID
 * number must be gone from the page (text and markup), from the browser's
 * storage (localStorage, sessionStorage, every IndexedDB database), and the
 * ID number must never appear unmasked in the host's log.
 */
import type { Page } from 'playwright-core';

/** What a session must leave no trace of. */
export interface Secrets {
  name?: string;
  idNumber?: string;
}

/** Everything the page keeps that a later citizen could reach: markup, text, Web Storage, IndexedDB contents. */
/**
 * Runs in the page, as source text: tsx's name-keeping helper (`__name`) does
 * not exist in the page, so this is not a compiled function.
 */
const PAGE_TRACES = `(async () => {
  const found = [
    { where: 'DOM innerText', text: document.body.innerText },
    { where: 'DOM outerHTML', text: document.documentElement.outerHTML },
  ];
  const dump = (storage) => JSON.stringify(Object.entries({ ...storage }));
  found.push({ where: 'localStorage', text: dump(localStorage) }, { where: 'sessionStorage', text: dump(sessionStorage) });
  for (const info of await indexedDB.databases()) {
    const name = info.name ?? '';
    const text = await new Promise((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve('(could not open ' + name + ')');
      open.onsuccess = () => {
        const db = open.result;
        const stores = [...db.objectStoreNames];
        if (stores.length === 0) { db.close(); resolve(name); return; }
        const tx = db.transaction(stores, 'readonly');
        const parts = [name];
        for (const store of stores) {
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => parts.push(store, all.result);
        }
        tx.oncomplete = () => { db.close(); resolve(JSON.stringify(parts)); };
        tx.onerror = () => resolve(JSON.stringify(parts));
      };
    });
    found.push({ where: 'IndexedDB ' + name, text });
  }
  return found;
})()`;

/** Everything the page keeps that a later citizen could reach: markup, text, Web Storage, IndexedDB contents. */
function pageTraces(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(PAGE_TRACES) as Promise<{ where: string; text: string }[]>;
}

/** Where in the page a secret of the session is still found (empty when clean). */
export async function sweepPage(page: Page, secrets: Secrets): Promise<string[]> {
  const leaks: string[] = [];
  for (const { where, text } of await pageTraces(page)) {
    if (secrets.name && text.includes(secrets.name)) leaks.push(`name in ${where}`);
    if (secrets.idNumber && text.includes(secrets.idNumber)) leaks.push(`ID number in ${where}`);
  }
  return leaks;
}

/** Host log lines that hold an ID number unmasked (or a full name), from `fromLine` on. */
export function sweepLog(lines: readonly string[], secrets: Secrets): string[] {
  const leaks: string[] = [];
  for (const line of lines) {
    if (secrets.idNumber && line.includes(secrets.idNumber)) leaks.push(`ID number in host log: ${line.slice(0, 200)}`);
    if (secrets.name && line.includes(secrets.name)) leaks.push(`name in host log: ${line.slice(0, 200)}`);
  }
  return leaks;
}
