/**
 * A stand-in for the Teams client around a tab: a page that frames the tab and answers the
 * teams-js messages the real client answers (initialize, getContext, getAuthToken, openLink), so
 * the real teams-js runs in the page under test. It is served on the tab's own origin, which
 * teams-js accepts as its host without a network look-up of Microsoft's origin list.
 */
export interface HostSettings {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  token: string;
  width?: number;
  height?: number;
}

export const HOST_PATH = '/__teams-test-host.html';

export function teamsHostHtml(s: HostSettings): string {
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      app: {},
      appEntity: {},
      authentication: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
    },
  };
  const context = {
    locale: s.locale,
    theme: s.theme,
    entityId: 'mine-krav',
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'test-session',
    tid: 'test-tenant',
    userObjectId: 'test-user',
  };
  const script = `
const settings = ${JSON.stringify({ runtime: JSON.stringify(runtime), context, token: s.token })};
window.hostCalls = [];
const frame = document.getElementById('tab');
function reply(request, args) {
  frame.contentWindow.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, '*');
}
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
  const request = event.data;
  window.hostCalls.push({ func: request.func, args: request.args });
  switch (request.func) {
    case 'initialize': return reply(request, ['content', 'web', settings.runtime, '2.58.0']);
    case 'getContext': return reply(request, [settings.context]);
    case 'authentication.getAuthToken': return reply(request, [true, settings.token]);
    case 'executeDeepLink': return reply(request, [true]);
    default: return reply(request, []);
  }
});
window.setTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Teams test host</title>
<style>body{margin:0}iframe{border:0;width:${s.width ?? 960}px;height:${s.height ?? 2300}px;display:block}</style>
</head><body><iframe id="tab" title="Mine krav" src="/tab/"></iframe><script>${script}</script></body></html>`;
}
