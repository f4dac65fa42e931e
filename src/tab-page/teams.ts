/**
 * The page's link to Teams: initialise teams-js, read the locale and theme from the context,
 * follow theme changes, get the SSO token, open deep links. Outside Teams (a plain browser during
 * local development) there is no host to talk to: the page falls back to the browser's language
 * and colour scheme and sends no token, which only a server with auth off accepts.
 */
import { app, authentication } from '@microsoft/teams-js';

export type TabTheme = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  locale: string | undefined;
  theme: TabTheme;
  onThemeChange(handler: (theme: TabTheme) => void): void;
  /** The SSO token, or undefined outside Teams. */
  token(): Promise<string | undefined>;
  openLink(url: string): Promise<void>;
}

export function themeOf(name: string | undefined): TabTheme {
  return name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'default';
}

export async function connectHost(win: Window = window): Promise<Host> {
  if (win.parent === win) return browserHost(win);
  await app.initialize();
  const context = await app.getContext();
  void app.notifySuccess();
  return {
    inTeams: true,
    locale: context.app.locale,
    theme: themeOf(context.app.theme),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(themeOf(t))),
    token: () => authentication.getAuthToken(),
    openLink: (url) => app.openLink(url),
  };
}

function browserHost(win: Window): Host {
  const dark = win.matchMedia?.('(prefers-color-scheme: dark)');
  const contrast = win.matchMedia?.('(forced-colors: active)');
  const current = (): TabTheme =>
    contrast?.matches ? 'contrast' : dark?.matches ? 'dark' : 'default';
  return {
    inTeams: false,
    locale: win.navigator.language,
    theme: current(),
    onThemeChange: (handler) => {
      dark?.addEventListener('change', () => handler(current()));
      contrast?.addEventListener('change', () => handler(current()));
    },
    token: () => Promise.resolve(undefined),
    openLink: (url) => {
      win.open(url, '_blank', 'noopener');
      return Promise.resolve();
    },
  };
}
