/** The path to use as Playwright's executablePath; null means Playwright's own browser. */
export function findBrowser(): string | null | undefined;
