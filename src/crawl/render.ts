// Rendering with Playwright and the system's Chromium, for pages whose static
// HTML is an empty shell filled by JavaScript. One browser, bounded pages,
// a fresh context every N pages (contexts leak memory: Playwright #6319).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import PQueue from 'p-queue';
import type * as Playwright from 'playwright-core';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { CrawlError } from './errors.ts';
import { checkUrl } from './safety.ts';
import type { SafetyOptions } from './safety.ts';
import { sameSite } from './scope.ts';

// Loaded on first use: playwright-core takes most of a second to import, and
// most commands (sites, diff, export …) never render.
const require = createRequire(import.meta.url);
const chromiumApi = (): typeof Playwright.chromium => (require('playwright-core') as typeof Playwright).chromium;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The browser to use: $EXOSCAN_CHROMIUM, the usual system paths, then playwright-core's own download if present.
 * EXOSCAN_CHROMIUM_SEARCH=0 stops after $EXOSCAN_CHROMIUM, so a machine with a browser can behave like one without.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.EXOSCAN_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (env.EXOSCAN_CHROMIUM_SEARCH === '0') return undefined;
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  try {
    const own = chromiumApi().executablePath();
    return own && existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

export interface RendererOptions extends SafetyOptions {
  /** @default findChromium() */
  executablePath?: string;
  /** Pages open at once. @default 2 */
  maxPages?: number;
  /** Pages rendered per browser context before a fresh one. @default 25 */
  pagesPerContext?: number;
  /** Navigation timeout. @default 30_000 */
  timeoutMs?: number;
  /** Longest wait for the network to go idle after DOMContentLoaded. @default 5_000 */
  idleMs?: number;
  userAgent?: string;
}

interface ContextSlot {
  context: Promise<BrowserContext>;
  used: number;
  open: number;
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'];

export class Renderer {
  private browser?: Promise<Browser>;
  private slot?: ContextSlot;
  private readonly queue: PQueue;
  private closed = false;

  constructor(private readonly opts: RendererOptions = {}) {
    this.queue = new PQueue({ concurrency: opts.maxPages ?? 2 });
  }

  /** The rendered DOM as HTML, and the URL the page ended on. */
  render(url: string): Promise<{ html: string; url: string }> {
    return this.withPage(url, async (page) => ({ html: await page.content(), url: page.url() }));
  }

  /** A full-page screenshot (PNG) of `url`, as evidence. */
  screenshot(url: string, file: string): Promise<void> {
    return this.withPage(url, async (page) => {
      await page.screenshot({ path: file, fullPage: true });
    });
  }

  /** Closes the browser; safe to call more than once, and when it was never launched. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.slot = undefined;
    this.queue.clear();
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    const executablePath = this.opts.executablePath ?? findChromium();
    if (!executablePath) return Promise.reject(new Error('no Chromium found: install chromium or set EXOSCAN_CHROMIUM'));
    const launched = chromiumApi().launch({ executablePath, headless: true, args: LAUNCH_ARGS }).then((browser) => {
      // A crashed browser is launched afresh on the next render instead of failing every page after it.
      browser.on('disconnected', () => {
        if (this.browser === launched) {
          this.browser = undefined;
          this.slot = undefined;
        }
      });
      return browser;
    });
    return launched;
  }

  private acquire(): ContextSlot {
    this.browser ??= this.launch();
    if (!this.slot || this.slot.used >= (this.opts.pagesPerContext ?? 25)) {
      const old = this.slot;
      this.slot = {
        context: this.browser.then((b) =>
          b.newContext({
            acceptDownloads: false,
            serviceWorkers: 'block',
            locale: 'ja-JP',
            ...(this.opts.userAgent ? { userAgent: this.opts.userAgent } : {}),
          }),
        ),
        used: 0,
        open: 0,
      };
      if (old && old.open === 0) void closeContext(old);
    }
    this.slot.used += 1;
    this.slot.open += 1;
    return this.slot;
  }

  private release(slot: ContextSlot): void {
    slot.open -= 1;
    if (slot !== this.slot && slot.open === 0) void closeContext(slot);
  }

  private async withPage<T>(url: string, use: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed) throw new CrawlError('render', url, 'renderer is closed');
    await checkUrl(url, this.opts);
    const run = async (): Promise<T> => {
      const slot = this.acquire();
      let page: Page | undefined;
      try {
        page = await (await slot.context).newPage();
        page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
        page.on('popup', (p) => void p.close().catch(() => undefined));
        await page.route('**/*', (route) => this.filter(route, url));
        const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.opts.timeoutMs ?? 30_000 });
        const status = response?.status() ?? 0;
        if (status >= 400) throw new CrawlError('http', url, `HTTP ${status} in the browser`, { status });
        // Idle never comes on pages that poll; the cap keeps such pages usable.
        await page.waitForLoadState('networkidle', { timeout: this.opts.idleMs ?? 5_000 }).catch(() => undefined);
        return await use(page);
      } catch (err) {
        if (err instanceof CrawlError) throw err;
        throw new CrawlError('render', url, `rendering failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { cause: err });
      } finally {
        await page?.close().catch(() => undefined);
        this.release(slot);
      }
    };
    return (await this.queue.add(run)) as T;
  }

  /** The browser may fetch only from the page's own site, over http(s), from addresses the guard accepts. */
  private async filter(route: Route, pageUrl: string): Promise<void> {
    const target = route.request().url();
    let ok = /^https?:/.test(target) && sameSite(target, pageUrl);
    if (ok) ok = await checkUrl(target, this.opts).then(() => true, () => false);
    await (ok ? route.continue() : route.abort('blockedbyclient')).catch(() => undefined);
  }
}

async function closeContext(slot: ContextSlot): Promise<void> {
  await slot.context.then((c) => c.close()).catch(() => undefined);
}
