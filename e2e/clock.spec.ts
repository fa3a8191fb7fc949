import { expect, test } from '@playwright/test';

test('the engine worker drives the virtual clock: running, paused, and at 10x', async ({
  page,
}) => {
  await page.goto('/?seed=7&paused=1');
  const clock = page.getByTestId('virtual-clock');
  const state = page.getByTestId('clock-state');
  await expect(state).toHaveText('paused');
  await expect(clock).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

  // Paused: only the engine moves time, here by an explicit advance of one hour.
  const before = await page.evaluate(() => window.podlab!.state());
  const after = await page.evaluate(() => window.podlab!.advance(3600));
  expect(after.nowMs - before.nowMs).toBe(3600_000);
  expect(after.seed).toBe(7);
  await expect(clock).toHaveText(new RegExp(after.now.slice(11, 19)));

  // Still paused: a second look shows the same time.
  const still = await page.evaluate(() => window.podlab!.state());
  expect(still.nowMs).toBe(after.nowMs);

  // 10x: the engine's ticks move the clock about ten virtual seconds per wall second.
  await page.getByRole('button', { name: '10×' }).click();
  await expect(state).toHaveText('10×');
  await expect
    .poll(async () => (await page.evaluate(() => window.podlab!.state())).nowMs - still.nowMs)
    .toBeGreaterThan(10_000);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(state).toHaveText('paused');
  await page.screenshot({ path: 'test-results/clock.png' });
});
