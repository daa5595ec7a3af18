// Shared by every live screen: one hub connection that never gives up. After any reconnect (or a
// server restart) it calls the page's resync, which re-joins and re-reads the state, so a screen left
// alone for days always converges on the hall's current picture.
window.QueueHall = (() => {
  // The SignalR client (14 KB compressed) is fetched when the page connects, not beside the style sheets: on a slow
  // phone it then no longer shares the bandwidth the first paint waits for (decision 0086). Its fingerprinted URL
  // comes from this script's tag.
  const hubClientUrl = document.currentScript?.dataset.signalr;
  let hubClient = null;
  function loadHubClient() {
    if (window.signalR) return Promise.resolve();
    return hubClient ??= new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = hubClientUrl;
      s.onload = resolve;
      s.onerror = () => { hubClient = null; s.remove(); reject(new Error('SignalR client did not load')); };
      document.head.appendChild(s);
    });
  }

  const labels = JSON.parse(document.getElementById('qh-labels')?.textContent || '{}');
  const t = (key) => labels[key] ?? key;
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const initial = (id) => JSON.parse(document.getElementById(id)?.textContent || 'null');
  const minutes = (m) => m == null ? '—' : (m <= 0 ? t('soon') : t('minutes').replace('{0}', m));
  // A service line's wait (board.waiting[i]): the estimate while a window offers it, else why there is none.
  const lineWait = (q) => q.openWindows > 0 ? minutes(q.estimatedWaitMinutes) : t(q.pausedWindows > 0 ? 'waitPaused' : 'waitNoWindow');
  // Several lines together (a category, a whole hall): the longest estimate among lines a window offers.
  function linesWait(queues) {
    const open = queues.filter(q => q.openWindows > 0 && q.estimatedWaitMinutes != null);
    if (open.length) return minutes(Math.max(...open.map(q => q.estimatedWaitMinutes)));
    return t(queues.some(q => q.pausedWindows > 0) ? 'waitPaused' : 'waitNoWindow');
  }

  function banner(show) {
    const b = document.getElementById('qh-offline');
    if (b) b.classList.toggle('show', show);
    if (show) document.documentElement.dataset.hub = 'away';
  }

  // handlers: { EventName: fn }, resync: async (connection) => {...}. Retries until the client loads (server away).
  function connect(handlers, resync) {
    loadHubClient().then(() => open(handlers, resync), () => { banner(true); setTimeout(() => connect(handlers, resync), 2000); });
  }

  function open(handlers, resync) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/hall')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * (ctx.previousRetryCount + 1), 5000) })
      .build();
    for (const [name, fn] of Object.entries(handlers)) connection.on(name, fn);
    connection.onreconnecting(() => banner(true));
    connection.onreconnected(async () => { banner(false); await safeResync(); });
    connection.onclose(() => { banner(true); setTimeout(start, 2000); });
    async function safeResync() {
      try {
        await resync(connection);
        document.documentElement.dataset.hub = 'live'; // joined and in step ('away' while the banner shows): what tests look for
      } catch (e) { console.warn('resync failed', e); }
    }
    async function start() {
      try {
        await connection.start();
        banner(false);
        await safeResync();
      } catch (e) {
        banner(true);
        setTimeout(start, 2000);
      }
    }
    start();
  }

  // The API words its refusals by Accept-Language; a page's own calls ask in the page's language (its html lang),
  // not the browser's, so what they show matches the page.
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const headers = new Headers(init.headers || {});
    if (!headers.has('Accept-Language')) headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
    return pageFetch(input, { ...init, headers });
  };

  // A refusal's problem details as the server worded them: the request's culture (the page's language) decides it.
  const refusal = (p, fallback) =>
    (p.errors ? Object.values(p.errors).flat() : [p.detail || p.title || fallback || '']).join(' ');

  return { t, esc, initial, minutes, lineWait, linesWait, refusal, connect, labels };
})();
