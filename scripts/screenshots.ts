// `npm run screenshots -- <deck.html> [<dir>]`: one PNG per slide at the iPad viewport, to look at.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPAD, launch } from '../test/e2e/browser';

const [deckPath = 'out/demo/deck.html', outDir = 'out/screenshots', mode = 'ipad'] = process.argv.slice(2);
await mkdir(outDir, { recursive: true });
const browser = await launch();
try {
  const context = await browser.newContext(mode === 'nojs' ? { ...IPAD, javaScriptEnabled: false } : IPAD);
  const page = await context.newPage();
  page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
  await page.goto(pathToFileURL(resolve(deckPath)).href);
  if (mode === 'nojs') {
    await page.screenshot({ path: join(outDir, 'nojs.png'), fullPage: true });
  } else {
    await page.waitForSelector('.deck[data-ready="true"]');
    const shots: string[] = [];
    const total = await page.evaluate(() =>
      (window as unknown as { presentation: { getTotalSlides(): number } }).presentation.getTotalSlides(),
    );
    for (let i = 0; i < total; i++) {
      await page.evaluate(
        (n) => (window as unknown as { presentation: { slide(h: number): void } }).presentation.slide(n),
        i,
      );
      await page.waitForTimeout(450);
      const file = join(outDir, `slide-${String(i + 1).padStart(2, '0')}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      console.log(file);
    }
    await contactSheet(shots, join(outDir, 'sheet.png'));
  }
} finally {
  await browser.close();
}

/** All slides on one page, to judge the deck at a glance. */
export async function contactSheet(files: readonly string[], out: string): Promise<void> {
  const b = await launch();
  try {
    const page = await b.newPage({ viewport: { width: 1800, height: 900 } });
    const { readFile } = await import('node:fs/promises');
    const images = await Promise.all(
      files.map(async (f) => `data:image/png;base64,${(await readFile(f)).toString('base64')}`),
    );
    await page.setContent(
      `<body style="margin:0;background:#999;display:grid;grid-template-columns:repeat(3,1fr);gap:8px;padding:8px">${images.map((src) => `<img src="${src}" style="width:100%;display:block">`).join('')}</body>`,
    );
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await b.close();
  }
}
