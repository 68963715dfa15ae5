/**
 * `npm run screenshots`: renders the kiosk's screens through the real browser
 * host in Debian's Chromium, in both languages and modes, portrait and
 * landscape, into docs/screenshots/. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startHostProcess } from '../tests/e2e/harness';

const out = join(ROOT, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const host = await startHostProcess();
const browser = await launchChromium();
try {
  for (const [orientation, viewport] of [['portrait', { width: 1080, height: 1920 }], ['landscape', { width: 1920, height: 1080 }]] as const) {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const elder of [false, true]) {
        const page = await browser.newPage({ viewport });
        await page.goto(host.url);
        await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
        if (language === 'en') await page.getByTestId('language-switch-en').click();
        if (elder) await page.getByTestId('elder-mode-switch').click();
        const name = `attract-${orientation}-${language}${elder ? '-elder' : ''}.png`;
        await page.screenshot({ path: join(out, name) });
        console.log(`wrote docs/screenshots/${name}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await host.stop();
}
