// The portal's story in a real browser (Debian's chromium through playwright-core):
// a unit signs in, uploads a file with errors, sees the cell list, downloads the
// annotated copy, uploads the fixed file and sees it accepted; the office signs in,
// sees the status change and returns the version with a comment; the unit sees the
// comment. Run by .ci/browser.sh, which starts `xxgk serve` and passes the settings.
import { chromium } from 'playwright-core';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const base = env('BASE'), unitCode = env('UNIT_CODE'), officeCode = env('OFFICE_CODE');
const unitID = env('UNIT_ID'), unitName = env('UNIT_NAME');
const bad = env('BAD'), good = env('GOOD'), shots = env('SHOTS'), work = env('WORK');
mkdirSync(shots, { recursive: true });

function check(cond, msg) {
  if (!cond) throw new Error('FAILED: ' + msg);
  console.log('ok   ' + msg);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const view = { viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true, locale: 'zh-CN' };
  const unitCtx = await browser.newContext(view);
  const unit = await unitCtx.newPage();
  await unit.goto(base + '/');
  check(unit.url().endsWith('/login'), 'an unsigned visitor is sent to the sign-in page');
  await unit.fill('#code', 'XXXX-XXXX-XXXX-XXXX');
  await unit.click('button[type=submit]');
  check(await unit.locator('.alert.bad').innerText().then(t => t.includes('访问码不正确')), 'a wrong code is refused in Chinese');
  await unit.fill('#code', unitCode.toLowerCase());
  await unit.click('button[type=submit]');
  await unit.waitForURL('**/unit');
  check((await unit.locator('h1').innerText()) === unitName, `the unit's page names ${unitName}`);

  await unit.setInputFiles('#file', bad);
  await unit.click('form.upload button[type=submit]');
  await unit.waitForURL('**/unit#result');
  const result = unit.locator('#result');
  check((await result.innerText()).includes('已退回：文件有错误，未保存'), 'the file with errors is refused at once');
  const rows = await result.locator('table.problems tbody tr').count();
  const cells = await result.locator('table.problems tbody tr td:nth-child(2)').allInnerTexts();
  check(rows >= 3 && cells.some(c => /填报表 [A-Z]+\d+/.test(c)), `the refusal lists ${rows} problems by sheet and cell`);
  await unit.screenshot({ path: join(shots, 'unit-refused.png') });

  const [download] = await Promise.all([unit.waitForEvent('download'), unit.click('a[href="/unit/returned"] >> nth=0')]);
  const saved = join(work, 'returned.xlsx');
  await download.saveAs(saved);
  check(download.suggestedFilename() === `${unitName}_退回修改.xlsx` && statSync(saved).size > 5000,
    `the annotated copy downloads as ${download.suggestedFilename()}`);

  await unit.setInputFiles('#file', good);
  await unit.click('form.upload button[type=submit]');
  await unit.waitForURL('**/unit#result');
  check((await result.innerText()).includes('已接收：本单位第 1 版'), 'the fixed file is accepted as version 1');

  const officeCtx = await browser.newContext(view);
  const office = await officeCtx.newPage();
  await office.goto(base + '/login');
  await office.fill('#code', officeCode);
  await office.click('button[type=submit]');
  await office.waitForURL('**/office');
  const row = office.locator('table.status tbody tr', { has: office.locator(`a[href="/office/units/${unitID}"]`) });
  const rowText = await row.innerText();
  check(rowText.includes('已报送') && rowText.includes('待审核'), `the office sees ${unitName} submitted, 待审核`);
  await office.screenshot({ path: join(shots, 'office.png') });

  await office.click(`a[href="/office/units/${unitID}"]`);
  await office.waitForURL(`**/office/units/${unitID}`);
  await office.click('button[value=return]');
  check((await office.locator('.alert.bad').innerText()).includes('退回修改必须写明意见'), 'a return without a comment is refused');
  await office.goBack();
  const comment = '“政策文件”栏目网址打开是首页，请填写栏目本身的网址后重新报送。';
  await office.fill('#comment', comment);
  await office.click('button[value=return]');
  await office.waitForURL(`**/office/units/${unitID}`);
  check((await office.locator('#review').innerText()).includes('已退回（需修改）'), 'the office returned the version');

  await unit.goto(base + '/unit');
  check((await unit.locator('blockquote.comment').innerText()) === comment, "the unit sees the office's comment");
  await unit.locator('#review').scrollIntoViewIfNeeded();
  await unit.screenshot({ path: join(shots, 'unit-returned.png') });
  console.log('browser test passed');
} finally {
  await browser.close();
}
