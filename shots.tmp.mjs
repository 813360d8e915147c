import { chromium } from '@playwright/test';
import sharp from 'sharp';
const pages = ['/', '/mali', '/mali/crisiswatch/2023-02', '/crisiswatch', '/search?q=army', '/fr', '/fr/mali', '/fr/mali/crisiswatch/2023-02', '/fr/search?q=arm%C3%A9e'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const width of [390, 1280]) {
  for (const p of pages) {
    const shots = [];
    for (const port of [3203, 3202]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`http://localhost:${port}${p}`);
      await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 15000 }).catch(() => {});
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      shots.push(await page.screenshot({ fullPage: true }));
      await page.close();
    }
    const [a, b] = await Promise.all(shots.map((s) => sharp(s).raw().toBuffer({ resolveWithObject: true })));
    let diff = 0;
    if (a.info.width === b.info.width && a.info.height === b.info.height) for (let i = 0; i < a.data.length; i += 4) { if (a.data[i] !== b.data[i] || a.data[i+1] !== b.data[i+1] || a.data[i+2] !== b.data[i+2]) diff++; }
    console.log(width, p, `${a.info.width}x${a.info.height}`, `${b.info.width}x${b.info.height}`, 'pixels differing:', a.info.height === b.info.height ? diff : 'size differs');
    if (diff) { await sharp(shots[0]).toFile(`/tmp/shot-base-${width}-${p.replace(/\W/g,'_')}.png`); await sharp(shots[1]).toFile(`/tmp/shot-new-${width}-${p.replace(/\W/g,'_')}.png`); }
  }
}
await browser.close();
