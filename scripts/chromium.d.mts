// Types for scripts/chromium.mjs, imported by playwright.config.ts.
export declare function findChromium(): Promise<string | null>;
export declare const CHROMIUM_ARGS: string[];
